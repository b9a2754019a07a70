"""indicators.md.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/indicators.md.j2; do not edit."""

SOURCE_SHA1 = "c3e25466b2102e2bd285f8a7a544d9c1de529108"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'indicators.md.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_embedded = resolve('embedded')
        l_0_heading = resolve('heading')
        l_0_lead = resolve('lead')
        l_0_total = resolve('total')
        l_0_indicators = resolve('indicators')
        l_0_tables = resolve('tables')
        l_0_rated = resolve('rated')
        l_0_cell = missing
        try:
            t_1 = environment.filters['in_unit']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'in_unit' found.")
        try:
            t_2 = environment.filters['md_cell']
        except KeyError:
            @internalcode
            def t_2(*unused):
                raise TemplateRuntimeError("No filter named 'md_cell' found.")
        try:
            t_3 = environment.filters['md_text']
        except KeyError:
            @internalcode
            def t_3(*unused):
                raise TemplateRuntimeError("No filter named 'md_text' found.")
        try:
            t_4 = environment.tests['none']
        except KeyError:
            @internalcode
            def t_4(*unused):
                raise TemplateRuntimeError("No test named 'none' found.")
        pass
        def macro(l_1_v):
            t_5 = []
            if l_1_v is missing:
                l_1_v = undefined("parameter 'v' was not provided", name='v')
            pass
            t_5.append(
                str((environment.getattr(l_1_v, 'value') if (l_1_v and (not t_4(environment.getattr(l_1_v, 'value')))) else '')),
            )
            return concat(t_5)
        context.exported_vars.add('cell')
        context.vars['cell'] = l_0_cell = Macro(environment, macro, 'cell', ('v',), False, False, False, context.eval_ctx.autoescape)
        if (not (undefined(name='embedded') if l_0_embedded is missing else l_0_embedded)):
            pass
            yield '# '
            yield str(t_3((undefined(name='heading') if l_0_heading is missing else l_0_heading)))
            yield '\n\n'
        yield str(t_3((undefined(name='lead') if l_0_lead is missing else l_0_lead)))
        yield '\n\n'
        if ((undefined(name='total') if l_0_total is missing else l_0_total) and (not (undefined(name='indicators') if l_0_indicators is missing else l_0_indicators))):
            pass
            yield 'No indicator matches.\n'
        for l_1_table in (undefined(name='tables') if l_0_tables is missing else l_0_tables):
            _loop_vars = {}
            pass
            yield '| '
            yield str(t_2(environment.getattr(l_1_table, 'title')))
            yield ' |'
            for l_2_p in environment.getattr(l_1_table, 'periods'):
                _loop_vars = {}
                pass
                yield ' '
                yield str(t_2(l_2_p))
                yield ' |'
            l_2_p = missing
            for l_2_label in environment.getattr(l_1_table, 'labels'):
                _loop_vars = {}
                pass
                yield ' '
                yield str(t_2(l_2_label))
                yield ' |'
            l_2_label = missing
            if (undefined(name='rated') if l_0_rated is missing else l_0_rated):
                pass
                yield ' Target | Rating | Direction |'
            yield '\n|---|'
            for l_2_p in environment.getattr(l_1_table, 'periods'):
                _loop_vars = {}
                pass
                yield '---|'
            l_2_p = missing
            for l_2_label in environment.getattr(l_1_table, 'labels'):
                _loop_vars = {}
                pass
                yield '---|'
            l_2_label = missing
            if (undefined(name='rated') if l_0_rated is missing else l_0_rated):
                pass
                yield '---|---|---|'
            yield '\n'
            for l_2_row in environment.getattr(l_1_table, 'rows'):
                l_2_i = missing
                _loop_vars = {}
                pass
                l_2_i = environment.getattr(l_2_row, 'indicator')
                _loop_vars['i'] = l_2_i
                yield '| '
                yield str(t_2(environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'title')))
                yield ' |'
                for l_3_v in environment.getattr(l_2_row, 'values'):
                    _loop_vars = {}
                    pass
                    yield ' '
                    yield str(context.call((undefined(name='cell') if l_0_cell is missing else l_0_cell), l_3_v, _loop_vars=_loop_vars))
                    yield ' |'
                l_3_v = missing
                for l_3_s in environment.getattr(l_2_row, 'summaries'):
                    _loop_vars = {}
                    pass
                    yield ' '
                    yield str((t_1(environment.getattr(l_3_s, 'value'), environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'unit')) if l_3_s else ''))
                    yield ' |'
                l_3_s = missing
                if (undefined(name='rated') if l_0_rated is missing else l_0_rated):
                    pass
                    yield ' '
                    yield str(t_1(environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'target'), environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'unit')))
                    yield ' | '
                    yield str((environment.getattr(environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'rating'), 'label') if environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'rating') else 'not rated'))
                    yield ' | '
                    yield str((environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'direction') or ''))
                    yield ' |'
                yield '\n'
            l_2_row = l_2_i = missing
            yield '\n'
        l_1_table = missing
        if (undefined(name='rated') if l_0_rated is missing else l_0_rated):
            pass
            yield 'Why each indicator is rated as it is:\n\n'
            for l_1_i in (undefined(name='indicators') if l_0_indicators is missing else l_0_indicators):
                _loop_vars = {}
                pass
                yield '- '
                yield str(t_3(environment.getattr(l_1_i, 'title')))
                yield ': '
                yield str(t_3(environment.getattr(l_1_i, 'why')))
                yield '\n'
            l_1_i = missing

    blocks = {}
    debug_info = '2=43&3=54&4=57&7=59&9=61&12=64&13=68&15=88&17=102&18=106&19=109&24=138&27=141&28=145'
    return locals()
