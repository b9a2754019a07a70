"""tables.txt.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/tables.txt.j2; do not edit."""

SOURCE_SHA1 = "bb83270a0ef3ad98bf1e0f5795acefa699b78282"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'tables.txt.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_organisation = resolve('organisation')
        l_0_heading = resolve('heading')
        l_0_lead = resolve('lead')
        l_0_tables = resolve('tables')
        try:
            t_1 = environment.filters['terminal']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'terminal' found.")
        pass
        if (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation):
            pass
            yield str(t_1((undefined(name='organisation') if l_0_organisation is missing else l_0_organisation)))
            yield '\n'
        yield str((undefined(name='heading') if l_0_heading is missing else l_0_heading))
        yield '\n'
        yield str((undefined(name='lead') if l_0_lead is missing else l_0_lead))
        yield '\n'
        for l_1_table in (undefined(name='tables') if l_0_tables is missing else l_0_tables):
            l_1_text_table = resolve('text_table')
            _loop_vars = {}
            pass
            yield '\n'
            yield str(environment.getattr(l_1_table, 'title'))
            yield '\n'
            yield str(context.call((undefined(name='text_table') if l_1_text_table is missing else l_1_text_table), environment.getattr(l_1_table, 'headers'), environment.getattr(l_1_table, 'rows'), environment.getattr(l_1_table, 'align'), rule=False, _loop_vars=_loop_vars))
            yield '\n'
        l_1_table = l_1_text_table = missing

    blocks = {}
    debug_info = '2=21&3=23&5=25&6=27&7=29&9=34&10=36'
    return locals()
