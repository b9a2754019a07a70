"""tables.md.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/tables.md.j2; do not edit."""

SOURCE_SHA1 = "6d3b8f0866a976602f2ef0d3d6fa5c8bd7dd67f9"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'tables.md.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_heading = resolve('heading')
        l_0_organisation = resolve('organisation')
        l_0_lead = resolve('lead')
        l_0_tables = resolve('tables')
        try:
            t_1 = environment.filters['join']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'join' found.")
        try:
            t_2 = environment.filters['map']
        except KeyError:
            @internalcode
            def t_2(*unused):
                raise TemplateRuntimeError("No filter named 'map' found.")
        try:
            t_3 = environment.filters['md_text']
        except KeyError:
            @internalcode
            def t_3(*unused):
                raise TemplateRuntimeError("No filter named 'md_text' found.")
        pass
        yield '## '
        yield str(t_3((undefined(name='heading') if l_0_heading is missing else l_0_heading)))
        yield '\n\n'
        if (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation):
            pass
            yield str(t_3((undefined(name='organisation') if l_0_organisation is missing else l_0_organisation)))
            yield '.\n\n'
        yield str(t_3((undefined(name='lead') if l_0_lead is missing else l_0_lead)))
        yield '\n'
        l_1_loop = missing
        for l_1_table, l_1_loop in LoopContext((undefined(name='tables') if l_0_tables is missing else l_0_tables), undefined):
            _loop_vars = {}
            pass
            yield '\n### '
            yield str(t_3(environment.getattr(l_1_table, 'title')))
            yield '\n\n| '
            yield str(t_1(context.eval_ctx, t_2(context, environment.getattr(l_1_table, 'headers'), 'md_cell'), ' | '))
            yield ' |\n|'
            l_2_loop = missing
            for l_2_h, l_2_loop in LoopContext(environment.getattr(l_1_table, 'headers'), undefined):
                _loop_vars = {}
                pass
                yield str(('---:' if (environment.getattr(l_2_loop, 'index0') in environment.getattr(l_1_table, 'numeric')) else '---'))
                yield '|'
            l_2_loop = l_2_h = missing
            yield '\n'
            for l_2_row in environment.getattr(l_1_table, 'rows'):
                _loop_vars = {}
                pass
                yield '| '
                yield str(t_1(context.eval_ctx, t_2(context, l_2_row, 'md_cell'), ' | '))
                yield ' |\n'
            l_2_row = missing
        l_1_loop = l_1_table = missing

    blocks = {}
    debug_info = '2=34&4=36&5=38&8=40&9=43&11=47&13=49&14=52&16=59&17=63'
    return locals()
