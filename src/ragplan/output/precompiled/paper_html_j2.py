"""paper.html.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/paper.html.j2; do not edit."""

SOURCE_SHA1 = "4014b2b1f38c2ff6194877d06630aa39a0e2907d"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'paper.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        pass
        parent_template = environment.get_template('base.html.j2', 'paper.html.j2')
        for name, parent_block in parent_template.blocks.items():
            context.blocks.setdefault(name, []).append(parent_block)
        yield from parent_template.root_render_func(context)

    def block_title(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_paper = resolve('paper')
        pass
        yield escape(environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'title'))

    def block_page(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass
        yield 'ragplan-paper'

    def block_body(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_cover = resolve('cover')
        l_0_as_html = resolve('as_html')
        l_0_paper = resolve('paper')
        l_0_body = resolve('body')
        l_0_appendices = resolve('appendices')
        try:
            t_1 = environment.filters['long_date']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'long_date' found.")
        try:
            t_2 = environment.filters['lower']
        except KeyError:
            @internalcode
            def t_2(*unused):
                raise TemplateRuntimeError("No filter named 'lower' found.")
        pass
        if (undefined(name='cover') if l_0_cover is missing else l_0_cover):
            pass
            yield '<section class="cover" aria-label="Cover sheet">\n'
            yield escape(context.call((undefined(name='as_html') if l_0_as_html is missing else l_0_as_html), (undefined(name='cover') if l_0_cover is missing else l_0_cover), _block_vars=_block_vars))
            yield '\n</section>\n'
        yield '<header class="title-block">\n'
        if environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'meeting'):
            pass
            yield '<p class="meeting"><strong>'
            yield escape(environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'meeting'))
            yield '</strong></p>\n'
        if environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'date'):
            pass
            yield '<p class="date">'
            yield escape(t_1(environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'date')))
            yield '</p>\n'
        yield '<h1>'
        yield escape(environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'title'))
        yield '</h1>\n</header>\n'
        yield escape(context.call((undefined(name='as_html') if l_0_as_html is missing else l_0_as_html), (undefined(name='body') if l_0_body is missing else l_0_body), _block_vars=_block_vars))
        yield '\n'
        if environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'author'):
            pass
            yield '<p class="sign-off">'
            yield escape(environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'author'))
            if environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'role'):
                pass
                yield ', '
                yield escape(environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'role'))
            yield '.</p>\n'
        for l_1_a in (undefined(name='appendices') if l_0_appendices is missing else l_0_appendices):
            l_1_kind_name = resolve('kind_name')
            l_1_embed = resolve('embed')
            _loop_vars = {}
            pass
            yield '<section class="appendix'
            if environment.getattr(l_1_a, 'report'):
                pass
                yield ' appendix-'
                yield escape(context.call((undefined(name='kind_name') if l_1_kind_name is missing else l_1_kind_name), environment.getattr(l_1_a, 'report'), _loop_vars=_loop_vars))
            yield '" aria-labelledby="appendix-'
            yield escape(t_2(environment.getattr(l_1_a, 'letter')))
            yield '">\n<h1 id="appendix-'
            yield escape(t_2(environment.getattr(l_1_a, 'letter')))
            yield '">Appendix '
            yield escape(environment.getattr(l_1_a, 'letter'))
            yield ' – '
            yield escape(environment.getattr(l_1_a, 'title'))
            yield '</h1>\n'
            yield escape(context.call((undefined(name='as_html') if l_0_as_html is missing else l_0_as_html), environment.getattr(l_1_a, 'text'), _loop_vars=_loop_vars))
            yield '\n'
            if environment.getattr(l_1_a, 'report'):
                pass
                yield escape(context.call((undefined(name='embed') if l_1_embed is missing else l_1_embed), environment.getattr(l_1_a, 'report'), 'html', _loop_vars=_loop_vars))
                yield '\n'
            yield '</section>\n'
        l_1_a = l_1_kind_name = l_1_embed = missing

    blocks = {'title': block_title, 'page': block_page, 'body': block_body}
    debug_info = '5=12&6=17&7=28&8=38&9=63&11=66&15=69&16=72&18=74&19=77&21=80&23=82&24=84&25=87&27=93&28=99&29=106&30=112&31=114&32=116'
    return locals()
