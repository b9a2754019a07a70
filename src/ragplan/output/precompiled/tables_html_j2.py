"""tables.html.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/tables.html.j2; do not edit."""

SOURCE_SHA1 = "413eff9634388daac247d43e378a092326c7f331"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'tables.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        pass
        parent_template = environment.get_template('base.html.j2', 'tables.html.j2')
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
        l_0_organisation = resolve('organisation')
        l_0_heading = resolve('heading')
        pass
        if (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation):
            pass
            yield escape((undefined(name='organisation') if l_0_organisation is missing else l_0_organisation))
            yield ': '
        yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))

    def block_page(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass
        yield 'ragplan-tables'

    def block_body(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_heading = resolve('heading')
        l_0_organisation = resolve('organisation')
        l_0_lead = resolve('lead')
        l_0_tables = resolve('tables')
        try:
            t_1 = environment.filters['html_lines']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'html_lines' found.")
        pass
        yield '<h1>'
        yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))
        yield '</h1>\n'
        if (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation):
            pass
            yield '<p class="lead">'
            yield escape((undefined(name='organisation') if l_0_organisation is missing else l_0_organisation))
            yield '</p>\n'
        yield '<p>'
        yield escape((undefined(name='lead') if l_0_lead is missing else l_0_lead))
        yield '</p>\n'
        yield from context.blocks['figure'][0](context)
        l_1_loop = missing
        for l_1_table, l_1_loop in LoopContext((undefined(name='tables') if l_0_tables is missing else l_0_tables), undefined):
            _loop_vars = {}
            pass
            yield '<div class="table-scroll" role="region" aria-labelledby="table-'
            yield escape(environment.getattr(l_1_loop, 'index'))
            yield '" tabindex="0">\n<table>\n<caption id="table-'
            yield escape(environment.getattr(l_1_loop, 'index'))
            yield '">'
            yield escape(environment.getattr(l_1_table, 'title'))
            yield '</caption>\n<thead>\n<tr>'
            l_2_loop = missing
            for l_2_h, l_2_loop in LoopContext(environment.getattr(l_1_table, 'headers'), undefined):
                _loop_vars = {}
                pass
                yield '<th scope="col"'
                if (environment.getattr(l_2_loop, 'index0') in environment.getattr(l_1_table, 'numeric')):
                    pass
                    yield ' class="number"'
                yield '>'
                yield escape(l_2_h)
                yield '</th>'
            l_2_loop = l_2_h = missing
            yield '</tr>\n</thead>\n<tbody>\n'
            l_2_loop = missing
            for l_2_row, l_2_loop in LoopContext(environment.getattr(l_1_table, 'rows'), undefined):
                _loop_vars = {}
                pass
                yield '<tr>'
                l_3_loop = missing
                for l_3_cell, l_3_loop in LoopContext(l_2_row, undefined):
                    l_3_tag = missing
                    _loop_vars = {}
                    pass
                    l_3_tag = ('th' if environment.getattr(l_3_loop, 'first') else 'td')
                    _loop_vars['tag'] = l_3_tag
                    yield '<'
                    yield escape((undefined(name='tag') if l_3_tag is missing else l_3_tag))
                    if environment.getattr(l_3_loop, 'first'):
                        pass
                        yield ' scope="row"'
                    if (environment.getattr(l_3_loop, 'index0') in environment.getattr(l_1_table, 'numeric')):
                        pass
                        yield ' class="number"'
                    yield '>'
                    yield escape(t_1(l_3_cell))
                    yield '</'
                    yield escape((undefined(name='tag') if l_3_tag is missing else l_3_tag))
                    yield '>'
                l_3_loop = l_3_cell = l_3_tag = missing
                yield '</tr>\n'
            l_2_loop = l_2_row = missing
            yield '</tbody>\n</table>\n</div>\n'
        l_1_loop = l_1_table = missing

    def block_figure(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass

    blocks = {'title': block_title, 'page': block_page, 'body': block_body, 'figure': block_figure}
    debug_info = '3=12&4=17&5=33&6=43&7=62&8=64&9=67&11=70&12=72&13=74&14=78&16=80&18=85&21=98&22=103&12=128'
    return locals()
