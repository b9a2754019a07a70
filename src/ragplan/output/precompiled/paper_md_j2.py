"""paper.md.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/paper.md.j2; do not edit."""

SOURCE_SHA1 = "7f5f7d34724f926fb71911475d99e7dc0ce65a06"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'paper.md.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_cover = resolve('cover')
        l_0_as_md = resolve('as_md')
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
            t_2 = environment.filters['md_text']
        except KeyError:
            @internalcode
            def t_2(*unused):
                raise TemplateRuntimeError("No filter named 'md_text' found.")
        pass
        if (undefined(name='cover') if l_0_cover is missing else l_0_cover):
            pass
            yield str(context.call((undefined(name='as_md') if l_0_as_md is missing else l_0_as_md), (undefined(name='cover') if l_0_cover is missing else l_0_cover)))
            yield '\n\n* * *\n\n'
        if environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'meeting'):
            pass
            yield '**'
            yield str(t_2(environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'meeting')))
            yield '**\n\n'
        if environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'date'):
            pass
            yield str(t_1(environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'date')))
            yield '\n\n'
        yield '# '
        yield str(t_2(environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'title')))
        yield '\n\n'
        yield str(context.call((undefined(name='as_md') if l_0_as_md is missing else l_0_as_md), (undefined(name='body') if l_0_body is missing else l_0_body)))
        yield '\n'
        if environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'author'):
            pass
            yield '\n'
            yield str(t_2(environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'author')))
            if environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'role'):
                pass
                yield ', '
                yield str(t_2(environment.getattr((undefined(name='paper') if l_0_paper is missing else l_0_paper), 'role')))
            yield '.\n'
        for l_1_a in (undefined(name='appendices') if l_0_appendices is missing else l_0_appendices):
            l_1_embed = resolve('embed')
            _loop_vars = {}
            pass
            yield '\n# Appendix '
            yield str(environment.getattr(l_1_a, 'letter'))
            yield ' – '
            yield str(t_2(environment.getattr(l_1_a, 'title')))
            yield '\n'
            if environment.getattr(l_1_a, 'text'):
                pass
                yield '\n'
                yield str(context.call((undefined(name='as_md') if l_0_as_md is missing else l_0_as_md), environment.getattr(l_1_a, 'text'), _loop_vars=_loop_vars))
                yield '\n'
            if environment.getattr(l_1_a, 'report'):
                pass
                yield '\n'
                yield str(context.call((undefined(name='embed') if l_1_embed is missing else l_1_embed), environment.getattr(l_1_a, 'report'), 'md', _loop_vars=_loop_vars))
                yield '\n'
        l_1_a = l_1_embed = missing

    blocks = {}
    debug_info = '3=28&4=30&9=32&10=35&13=37&14=39&17=42&19=44&20=46&22=49&24=55&26=60&27=64&29=67&31=69&33=72'
    return locals()
