"""indicators.txt.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/indicators.txt.j2; do not edit."""

SOURCE_SHA1 = "5233d9300c60530f538a2d6b9e1c5407ef702700"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'indicators.txt.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_heading = resolve('heading')
        l_0_lead = resolve('lead')
        l_0_total = resolve('total')
        l_0_indicators = resolve('indicators')
        l_0_tables = resolve('tables')
        l_0_rated = resolve('rated')
        try:
            t_1 = environment.filters['in_unit']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'in_unit' found.")
        try:
            t_2 = environment.filters['length']
        except KeyError:
            @internalcode
            def t_2(*unused):
                raise TemplateRuntimeError("No filter named 'length' found.")
        try:
            t_3 = environment.filters['terminal']
        except KeyError:
            @internalcode
            def t_3(*unused):
                raise TemplateRuntimeError("No filter named 'terminal' found.")
        try:
            t_4 = environment.tests['none']
        except KeyError:
            @internalcode
            def t_4(*unused):
                raise TemplateRuntimeError("No test named 'none' found.")
        pass
        yield str(t_3((undefined(name='heading') if l_0_heading is missing else l_0_heading)))
        yield '\n'
        yield str(t_3((undefined(name='lead') if l_0_lead is missing else l_0_lead)))
        yield '\n'
        if ((undefined(name='total') if l_0_total is missing else l_0_total) and (not (undefined(name='indicators') if l_0_indicators is missing else l_0_indicators))):
            pass
            yield '\nNo indicator matches.\n'
        for l_1_table in (undefined(name='tables') if l_0_tables is missing else l_0_tables):
            l_1_namespace = resolve('namespace')
            l_1_text_table = resolve('text_table')
            l_1_ns = l_1_heads = missing
            _loop_vars = {}
            pass
            l_1_ns = context.call((undefined(name='namespace') if l_1_namespace is missing else l_1_namespace), rows=[], _loop_vars=_loop_vars)
            _loop_vars['ns'] = l_1_ns
            for l_2_row in environment.getattr(l_1_table, 'rows'):
                l_2_i = l_2_cells = missing
                _loop_vars = {}
                pass
                l_2_i = environment.getattr(l_2_row, 'indicator')
                _loop_vars['i'] = l_2_i
                l_2_cells = context.call((undefined(name='namespace') if l_1_namespace is missing else l_1_namespace), list=[environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'title')], _loop_vars=_loop_vars)
                _loop_vars['cells'] = l_2_cells
                for l_3_v in environment.getattr(l_2_row, 'values'):
                    _loop_vars = {}
                    pass
                    if not isinstance(l_2_cells, Namespace):
                        raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
                    l_2_cells['list'] = (environment.getattr((undefined(name='cells') if l_2_cells is missing else l_2_cells), 'list') + [(environment.getattr(l_3_v, 'value') if (l_3_v and (not t_4(environment.getattr(l_3_v, 'value')))) else '')])
                l_3_v = missing
                for l_3_s in environment.getattr(l_2_row, 'summaries'):
                    _loop_vars = {}
                    pass
                    if not isinstance(l_2_cells, Namespace):
                        raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
                    l_2_cells['list'] = (environment.getattr((undefined(name='cells') if l_2_cells is missing else l_2_cells), 'list') + [(t_1(environment.getattr(l_3_s, 'value'), environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'unit')) if l_3_s else '')])
                l_3_s = missing
                if (undefined(name='rated') if l_0_rated is missing else l_0_rated):
                    pass
                    if not isinstance(l_2_cells, Namespace):
                        raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
                    l_2_cells['list'] = (environment.getattr((undefined(name='cells') if l_2_cells is missing else l_2_cells), 'list') + [t_1(environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'target'), environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'unit')), (environment.getattr(environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'rating'), 'label') if environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'rating') else 'not rated'), (environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'direction') or '')])
                if not isinstance(l_1_ns, Namespace):
                    raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
                l_1_ns['rows'] = (environment.getattr((undefined(name='ns') if l_1_ns is missing else l_1_ns), 'rows') + [environment.getattr((undefined(name='cells') if l_2_cells is missing else l_2_cells), 'list')])
            l_2_row = l_2_i = l_2_cells = missing
            l_1_heads = ((([environment.getattr(l_1_table, 'title')] + environment.getattr(l_1_table, 'periods')) + environment.getattr(l_1_table, 'labels')) + (['Target', 'Rating', 'Direction'] if (undefined(name='rated') if l_0_rated is missing else l_0_rated) else []))
            _loop_vars['heads'] = l_1_heads
            yield '\n'
            yield str(context.call((undefined(name='text_table') if l_1_text_table is missing else l_1_text_table), (undefined(name='heads') if l_1_heads is missing else l_1_heads), environment.getattr((undefined(name='ns') if l_1_ns is missing else l_1_ns), 'rows'), str_join(('l', ('r' * ((t_2(environment.getattr(l_1_table, 'periods')) + t_2(environment.getattr(l_1_table, 'labels'))) + (1 if (undefined(name='rated') if l_0_rated is missing else l_0_rated) else 0))), )), _loop_vars=_loop_vars))
            yield '\n'
        l_1_table = l_1_namespace = l_1_ns = l_1_heads = l_1_text_table = missing
        if (undefined(name='rated') if l_0_rated is missing else l_0_rated):
            pass
            yield '\nWhy each indicator is rated as it is:\n'
            for l_1_i in (undefined(name='indicators') if l_0_indicators is missing else l_0_indicators):
                _loop_vars = {}
                pass
                yield '- '
                yield str(t_3(str_join((environment.getattr(l_1_i, 'title'), ': ', environment.getattr(l_1_i, 'why'), ))))
                yield '\n'
            l_1_i = missing

    blocks = {}
    debug_info = '2=41&3=43&4=45&8=48&9=54&10=56&11=60&12=62&13=64&14=71&15=78&16=85&18=87&20=90&22=93&25=96&26=100'
    return locals()
