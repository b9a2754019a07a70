"""indicators.html.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/indicators.html.j2; do not edit."""

SOURCE_SHA1 = "dc0c378091e8946a94f31148dc4ae7ee9a01669c"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'indicators.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        pass
        parent_template = environment.get_template('base.html.j2', 'indicators.html.j2')
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
        l_0_heading = resolve('heading')
        pass
        yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))

    def block_page(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_tables = resolve('tables')
        try:
            t_1 = environment.filters['length']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'length' found.")
        pass
        yield 'ragplan-indicators'
        def t_2(fiter):
            for l_1_t in fiter:
                if ((t_1(environment.getattr(l_1_t, 'periods')) + t_1(environment.getattr(l_1_t, 'labels'))) > 7):
                    yield l_1_t
        l_1_loop = missing
        for l_1_t, l_1_loop in LoopContext(t_2((undefined(name='tables') if l_0_tables is missing else l_0_tables)), undefined):
            _loop_vars = {}
            pass
            if environment.getattr(l_1_loop, 'first'):
                pass
                yield ' landscape'
        l_1_loop = l_1_t = missing

    def block_body(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_embedded = resolve('embedded')
        l_0_heading = resolve('heading')
        l_0_lead = resolve('lead')
        l_0_total = resolve('total')
        l_0_indicators = resolve('indicators')
        l_0_tables = resolve('tables')
        l_0_rated = resolve('rated')
        try:
            t_3 = environment.filters['in_unit']
        except KeyError:
            @internalcode
            def t_3(*unused):
                raise TemplateRuntimeError("No filter named 'in_unit' found.")
        try:
            t_4 = environment.tests['none']
        except KeyError:
            @internalcode
            def t_4(*unused):
                raise TemplateRuntimeError("No test named 'none' found.")
        pass
        if (not (undefined(name='embedded') if l_0_embedded is missing else l_0_embedded)):
            pass
            yield '<h1>'
            yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))
            yield '</h1>\n'
        yield '<p class="lead">'
        yield escape((undefined(name='lead') if l_0_lead is missing else l_0_lead))
        yield '</p>\n'
        if ((undefined(name='total') if l_0_total is missing else l_0_total) and (not (undefined(name='indicators') if l_0_indicators is missing else l_0_indicators))):
            pass
            yield '<p>No indicator matches.</p>\n'
        l_1_loop = missing
        for l_1_table, l_1_loop in LoopContext((undefined(name='tables') if l_0_tables is missing else l_0_tables), undefined):
            _loop_vars = {}
            pass
            yield '<div class="table-scroll" role="region" aria-labelledby="indicators-'
            yield escape(environment.getattr(l_1_loop, 'index'))
            yield '" tabindex="0">\n<table>\n<caption id="indicators-'
            yield escape(environment.getattr(l_1_loop, 'index'))
            yield '">'
            yield escape(environment.getattr(l_1_table, 'title'))
            yield '</caption>\n<thead>\n<tr>\n  <th scope="col">'
            yield escape(environment.getattr(l_1_table, 'title'))
            yield '</th><th scope="col">Trend</th>\n'
            for l_2_p in environment.getattr(l_1_table, 'periods'):
                _loop_vars = {}
                pass
                yield '  <th scope="col" class="number" style="white-space: nowrap">'
                yield escape(l_2_p)
                yield '</th>\n'
            l_2_p = missing
            for l_2_label in environment.getattr(l_1_table, 'labels'):
                _loop_vars = {}
                pass
                yield '  <th scope="col" class="number">'
                yield escape(l_2_label)
                yield '</th>\n'
            l_2_label = missing
            if (undefined(name='rated') if l_0_rated is missing else l_0_rated):
                pass
                yield '  <th scope="col" class="number">Target</th><th scope="col">Rating</th><th scope="col">Direction</th>\n'
            yield '</tr>\n</thead>\n<tbody>\n'
            for l_2_row in environment.getattr(l_1_table, 'rows'):
                l_2_sparklines = resolve('sparklines')
                l_2_i = missing
                _loop_vars = {}
                pass
                l_2_i = environment.getattr(l_2_row, 'indicator')
                _loop_vars['i'] = l_2_i
                yield '<tr>\n  <th scope="row">'
                yield escape(environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'title'))
                yield '</th>\n  <td style="vertical-align: middle">'
                l_3_spark = environment.getitem((undefined(name='sparklines') if l_2_sparklines is missing else l_2_sparklines), environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'id'))
                pass
                template = environment.get_template('indicator-sparkline.svg.j2', 'indicators.html.j2')
                gen = template.root_render_func(template.new_context(context.get_all(), True, {'spark': l_3_spark, 'i': l_2_i, 'row': l_2_row, 'loop': l_1_loop, 'table': l_1_table}))
                try:
                    for event in gen:
                        yield event
                finally: gen.close()
                l_3_spark = missing
                yield '</td>\n'
                for l_3_v in environment.getattr(l_2_row, 'values'):
                    _loop_vars = {}
                    pass
                    yield '  <td class="number">'
                    yield escape((environment.getattr(l_3_v, 'value') if (l_3_v and (not t_4(environment.getattr(l_3_v, 'value')))) else ''))
                    yield '</td>\n'
                l_3_v = missing
                for l_3_s in environment.getattr(l_2_row, 'summaries'):
                    _loop_vars = {}
                    pass
                    yield '  <td class="number">'
                    yield escape((t_3(environment.getattr(l_3_s, 'value'), environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'unit')) if l_3_s else ''))
                    yield '</td>\n'
                l_3_s = missing
                if (undefined(name='rated') if l_0_rated is missing else l_0_rated):
                    pass
                    yield '  <td class="number" style="white-space: nowrap">'
                    yield escape(t_3(environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'target'), environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'unit')))
                    yield '</td>\n'
                    if environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'rating'):
                        pass
                        yield '  <td class="rag" style="background: '
                        yield escape(environment.getattr(environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'rating'), 'colour'))
                        yield '; color: '
                        yield escape(environment.getattr(environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'rating'), 'text_colour'))
                        yield '">'
                        yield escape(environment.getattr(environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'rating'), 'label'))
                        yield '</td>\n'
                    else:
                        pass
                        yield '  <td>not rated</td>\n'
                    yield '  <td style="white-space: nowrap">'
                    yield escape((environment.getattr((undefined(name='i') if l_2_i is missing else l_2_i), 'direction') or ''))
                    yield '</td>\n'
                yield '</tr>\n'
            l_2_row = l_2_i = l_2_sparklines = missing
            yield '</tbody>\n</table>\n</div>\n'
        l_1_loop = l_1_table = missing
        if (undefined(name='rated') if l_0_rated is missing else l_0_rated):
            pass
            yield '<h2>Why each indicator is rated as it is</h2>\n<ul>\n'
            for l_1_i in (undefined(name='indicators') if l_0_indicators is missing else l_0_indicators):
                _loop_vars = {}
                pass
                yield '  <li><strong>'
                yield escape(environment.getattr(l_1_i, 'title'))
                yield '</strong>: '
                yield escape(environment.getattr(l_1_i, 'why'))
                yield '</li>\n'
            l_1_i = missing
            yield '</ul>\n'

    blocks = {'title': block_title, 'page': block_page, 'body': block_body}
    debug_info = '2=12&3=17&4=28&5=57&6=84&7=87&9=90&10=92&13=96&14=100&16=102&19=106&20=108&21=112&23=115&24=119&26=122&32=126&33=131&35=134&36=138&37=146&38=150&40=153&41=157&43=160&44=163&45=165&46=168&50=178&58=184&61=187&62=191'
    return locals()
