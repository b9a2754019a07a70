"""summary.html.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/summary.html.j2; do not edit."""

SOURCE_SHA1 = "7e9aab7cc7540de9b4dcf0c7a483fd9004efc98d"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'summary.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        pass
        parent_template = environment.get_template('base.html.j2', 'summary.html.j2')
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
        l_0_title_line = resolve('title_line')
        l_0_title = resolve('title')
        l_0_organisation = resolve('organisation')
        l_0_as_of = resolve('as_of')
        try:
            t_1 = environment.filters['month']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'month' found.")
        pass
        yield escape(context.call((undefined(name='title_line') if l_0_title_line is missing else l_0_title_line), (undefined(name='title') if l_0_title is missing else l_0_title), (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation), _block_vars=_block_vars))
        yield ': implementation status ('
        yield escape(t_1((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))
        yield ')'

    def block_page(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_previous = resolve('previous')
        l_0_statuses = resolve('statuses')
        try:
            t_2 = environment.filters['length']
        except KeyError:
            @internalcode
            def t_2(*unused):
                raise TemplateRuntimeError("No filter named 'length' found.")
        pass
        yield 'ragplan-summary'
        if ((undefined(name='previous') if l_0_previous is missing else l_0_previous) or (t_2((undefined(name='statuses') if l_0_statuses is missing else l_0_statuses)) > 4)):
            pass
            yield ' landscape'

    def block_body(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_embedded = resolve('embedded')
        l_0_title = resolve('title')
        l_0_as_of = resolve('as_of')
        l_0_organisation = resolve('organisation')
        l_0_done_share = resolve('done_share')
        l_0_percent_done = resolve('percent_done')
        l_0_counted = resolve('counted')
        l_0_total = resolve('total')
        l_0_counts = resolve('counts')
        l_0_overdue = resolve('overdue')
        l_0_previous = resolve('previous')
        l_0_travel_sentence = resolve('travel_sentence')
        l_0_done = resolve('done')
        l_0_direction = resolve('direction')
        l_0_moves = resolve('moves')
        l_0_joint = resolve('joint')
        l_0_indicators = resolve('indicators')
        l_0_rating_tally = resolve('rating_tally')
        l_0_trend = resolve('trend')
        l_0_chart = resolve('chart')
        l_0_column_drawing = resolve('column_drawing')
        l_0_bar_drawing = resolve('bar_drawing')
        l_0_drawing = resolve('drawing')
        l_0_by = resolve('by')
        l_0_statuses = resolve('statuses')
        l_0_groups = resolve('groups')
        l_0_group_name = missing
        try:
            t_3 = environment.filters['in_unit']
        except KeyError:
            @internalcode
            def t_3(*unused):
                raise TemplateRuntimeError("No filter named 'in_unit' found.")
        try:
            t_4 = environment.filters['long_date']
        except KeyError:
            @internalcode
            def t_4(*unused):
                raise TemplateRuntimeError("No filter named 'long_date' found.")
        try:
            t_5 = environment.filters['lower']
        except KeyError:
            @internalcode
            def t_5(*unused):
                raise TemplateRuntimeError("No filter named 'lower' found.")
        try:
            t_1 = environment.filters['month']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'month' found.")
        try:
            t_6 = environment.filters['plural']
        except KeyError:
            @internalcode
            def t_6(*unused):
                raise TemplateRuntimeError("No filter named 'plural' found.")
        try:
            t_7 = environment.filters['since_name']
        except KeyError:
            @internalcode
            def t_7(*unused):
                raise TemplateRuntimeError("No filter named 'since_name' found.")
        try:
            t_8 = environment.tests['none']
        except KeyError:
            @internalcode
            def t_8(*unused):
                raise TemplateRuntimeError("No test named 'none' found.")
        pass
        if (not (undefined(name='embedded') if l_0_embedded is missing else l_0_embedded)):
            pass
            yield '<h1>'
            yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
            yield ': implementation status ('
            yield escape(t_1((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))
            yield ')</h1>\n'
        yield '<p class="lead">'
        if (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation):
            pass
            yield escape((undefined(name='organisation') if l_0_organisation is missing else l_0_organisation))
            yield '. '
        yield 'As of '
        yield escape(t_4((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))
        yield ': '
        yield escape(context.call((undefined(name='done_share') if l_0_done_share is missing else l_0_done_share), (undefined(name='percent_done') if l_0_percent_done is missing else l_0_percent_done), (undefined(name='counted') if l_0_counted is missing else l_0_counted), (undefined(name='total') if l_0_total is missing else l_0_total), _block_vars=_block_vars))
        yield '.</p>\n<p>By '
        yield escape(t_1((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))
        yield ' the status of the '
        yield escape((undefined(name='total') if l_0_total is missing else l_0_total))
        yield ' '
        yield escape(t_6('action', (undefined(name='total') if l_0_total is missing else l_0_total)))
        yield ' is as follows:</p>\n<ul>\n'
        for l_1_c in (undefined(name='counts') if l_0_counts is missing else l_0_counts):
            _loop_vars = {}
            pass
            yield '  <li>'
            yield escape(environment.getattr(l_1_c, 'count'))
            yield ' '
            yield escape(t_6('action', environment.getattr(l_1_c, 'count')))
            yield ' '
            yield escape(t_6('is', environment.getattr(l_1_c, 'count'), 'are'))
            yield ' <span class="rag" style="background: '
            yield escape(environment.getattr(environment.getattr(l_1_c, 'status'), 'colour'))
            yield '; color: '
            yield escape(environment.getattr(environment.getattr(l_1_c, 'status'), 'text_colour'))
            yield '">'
            yield escape(environment.getattr(environment.getattr(l_1_c, 'status'), 'label'))
            yield '</span>'
            if environment.getattr(environment.getattr(l_1_c, 'status'), 'meaning'):
                pass
                yield ': '
                yield escape(environment.getattr(environment.getattr(l_1_c, 'status'), 'meaning'))
            if (not environment.getattr(environment.getattr(l_1_c, 'status'), 'counts')):
                pass
                yield ' (not counted as done or outstanding)'
            yield '</li>\n'
        l_1_c = missing
        yield '</ul>\n'
        if (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue):
            pass
            yield '<p><span class="overdue">Overdue:</span> '
            yield escape((undefined(name='overdue') if l_0_overdue is missing else l_0_overdue))
            yield ' outstanding '
            yield escape(t_6('action', (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue)))
            yield ' '
            yield escape(t_6('is', (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue), 'are'))
            yield ' overdue: due before '
            yield escape(t_4((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))
            yield '.</p>\n'
        if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
            pass
            yield '<p>'
            yield escape(context.call((undefined(name='travel_sentence') if l_0_travel_sentence is missing else l_0_travel_sentence), (undefined(name='previous') if l_0_previous is missing else l_0_previous), (undefined(name='done') if l_0_done is missing else l_0_done), (undefined(name='counted') if l_0_counted is missing else l_0_counted), (undefined(name='direction') if l_0_direction is missing else l_0_direction), (undefined(name='moves') if l_0_moves is missing else l_0_moves), _block_vars=_block_vars))
            yield '</p>\n'
        if (undefined(name='joint') if l_0_joint is missing else l_0_joint):
            pass
            yield '<p>An action with joint lead officers counts under each of them: '
            yield escape((undefined(name='joint') if l_0_joint is missing else l_0_joint))
            yield ' '
            yield escape(t_6('action', (undefined(name='joint') if l_0_joint is missing else l_0_joint)))
            yield ' '
            yield escape(t_6('has', (undefined(name='joint') if l_0_joint is missing else l_0_joint), 'have'))
            yield ' joint leads.</p>\n'
        if (undefined(name='indicators') if l_0_indicators is missing else l_0_indicators):
            pass
            yield '<p>Indicators: '
            yield escape(context.call((undefined(name='rating_tally') if l_0_rating_tally is missing else l_0_rating_tally), environment.getattr((undefined(name='indicators') if l_0_indicators is missing else l_0_indicators), 'counts'), environment.getattr((undefined(name='indicators') if l_0_indicators is missing else l_0_indicators), 'not_rated'), _block_vars=_block_vars))
            yield '</p>\n'
        if ((undefined(name='trend') if l_0_trend is missing else l_0_trend) or environment.getattr((undefined(name='chart') if l_0_chart is missing else l_0_chart), 'bars')):
            pass
            yield '<figure>\n'
            l_0_drawing = (context.call((undefined(name='column_drawing') if l_0_column_drawing is missing else l_0_column_drawing), (undefined(name='trend') if l_0_trend is missing else l_0_trend), 'since-chart', _block_vars=_block_vars) if (undefined(name='trend') if l_0_trend is missing else l_0_trend) else context.call((undefined(name='bar_drawing') if l_0_bar_drawing is missing else l_0_bar_drawing), (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'theme-chart', _block_vars=_block_vars))
            _block_vars['drawing'] = l_0_drawing
            yield '<div class="table-scroll" role="region" aria-labelledby="'
            yield escape(environment.getattr((undefined(name='drawing') if l_0_drawing is missing else l_0_drawing), 'id'))
            yield '-caption" tabindex="0">\n'
            template = environment.get_template('chart.svg.j2', 'summary.html.j2')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'drawing': l_0_drawing, 'group_name': l_0_group_name}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            yield '</div>\n<figcaption id="'
            yield escape(environment.getattr((undefined(name='drawing') if l_0_drawing is missing else l_0_drawing), 'id'))
            yield '-caption">'
            yield escape(environment.getattr(environment.getattr((undefined(name='drawing') if l_0_drawing is missing else l_0_drawing), 'chart'), 'caption'))
            yield '</figcaption>\n</figure>\n'
        l_0_group_name = ('Theme' if ((undefined(name='by') if l_0_by is missing else l_0_by) == 'theme') else ('Lead officer' if ((undefined(name='by') if l_0_by is missing else l_0_by) == 'lead_officer') else 'Lead body'))
        _block_vars['group_name'] = l_0_group_name
        yield '<div class="table-scroll" role="region" aria-labelledby="counts-caption" tabindex="0">\n<table>\n<caption id="counts-caption">Actions per status, by '
        yield escape(t_5((undefined(name='group_name') if l_0_group_name is missing else l_0_group_name)))
        if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
            pass
            yield ', as of '
            yield escape(t_4((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))
        yield '</caption>\n<thead>\n<tr>\n'
        if ((undefined(name='by') if l_0_by is missing else l_0_by) == 'theme'):
            pass
            yield '  <th scope="col">Theme</th><th scope="col">Title</th><th scope="col">Lead officer</th>\n'
        else:
            pass
            yield '  <th scope="col">'
            yield escape((undefined(name='group_name') if l_0_group_name is missing else l_0_group_name))
            yield '</th>\n'
        for l_1_s in (undefined(name='statuses') if l_0_statuses is missing else l_0_statuses):
            _loop_vars = {}
            pass
            yield '  <th scope="col" class="number rag" style="background: '
            yield escape(environment.getattr(l_1_s, 'colour'))
            yield '; color: '
            yield escape(environment.getattr(l_1_s, 'text_colour'))
            yield '">'
            yield escape(environment.getattr(l_1_s, 'label'))
            yield '</th>\n'
        l_1_s = missing
        yield '  <th scope="col" class="number">Total</th><th scope="col" class="number">% done</th>'
        if (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue):
            pass
            yield '<th scope="col" class="number">Overdue</th>'
        yield '\n</tr>\n</thead>\n<tbody>\n'
        for l_1_g in (undefined(name='groups') if l_0_groups is missing else l_0_groups):
            _loop_vars = {}
            pass
            yield '<tr>\n'
            if ((undefined(name='by') if l_0_by is missing else l_0_by) == 'theme'):
                pass
                yield '  <th scope="row">'
                yield escape(environment.getattr(l_1_g, 'id'))
                yield '</th><td>'
                yield escape((environment.getattr(l_1_g, 'title') or ''))
                yield '</td><td>'
                yield escape((environment.getattr(l_1_g, 'lead_officer') or ''))
                yield '</td>\n'
            else:
                pass
                yield '  <th scope="row">'
                yield escape((environment.getattr(l_1_g, 'id') or '(not given)'))
                yield '</th>\n'
            for l_2_c in environment.getattr(l_1_g, 'counts'):
                _loop_vars = {}
                pass
                yield '  <td class="number">'
                yield escape(environment.getattr(l_2_c, 'count'))
                yield '</td>\n'
            l_2_c = missing
            yield '  <td class="number">'
            yield escape(environment.getattr(l_1_g, 'total'))
            yield '</td><td class="number">'
            yield escape(environment.getattr(l_1_g, 'percent_done'))
            yield '%</td>'
            if (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue):
                pass
                yield '<td class="number">'
                yield escape(environment.getattr(l_1_g, 'overdue'))
                yield '</td>'
            yield '\n</tr>\n'
        l_1_g = missing
        yield '</tbody>\n<tfoot>\n<tr>\n  <th scope="row"'
        if ((undefined(name='by') if l_0_by is missing else l_0_by) == 'theme'):
            pass
            yield ' colspan="3"'
        yield '>Total</th>\n'
        for l_1_c in (undefined(name='counts') if l_0_counts is missing else l_0_counts):
            _loop_vars = {}
            pass
            yield '  <td class="number">'
            yield escape(environment.getattr(l_1_c, 'count'))
            yield '</td>\n'
        l_1_c = missing
        yield '  <td class="number">'
        yield escape((undefined(name='total') if l_0_total is missing else l_0_total))
        yield '</td><td class="number">'
        yield escape((undefined(name='percent_done') if l_0_percent_done is missing else l_0_percent_done))
        yield '%</td>'
        if (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue):
            pass
            yield '<td class="number">'
            yield escape((undefined(name='overdue') if l_0_overdue is missing else l_0_overdue))
            yield '</td>'
        yield '\n</tr>\n</tfoot>\n</table>\n</div>\n'
        if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
            pass
            yield '<div class="table-scroll" role="region" aria-labelledby="since-caption" tabindex="0">\n<table>\n<caption id="since-caption">Actions per status in '
            yield escape(t_7((undefined(name='previous') if l_0_previous is missing else l_0_previous)))
            yield ', and the direction of travel since</caption>\n<thead>\n<tr>\n  <th scope="col">Theme</th><th scope="col">Title</th>\n'
            for l_1_c in environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'counts'):
                _loop_vars = {}
                pass
                yield '  <th scope="col" class="number">'
                yield escape(environment.getattr(environment.getattr(l_1_c, 'status'), 'label'))
                yield ' then</th>\n'
            l_1_c = missing
            yield '  <th scope="col" class="number">Total then</th><th scope="col" class="number">% done then</th><th scope="col" class="number">% done now</th><th scope="col">Direction</th>\n</tr>\n</thead>\n<tbody>\n'
            for l_1_g in (undefined(name='groups') if l_0_groups is missing else l_0_groups):
                _loop_vars = {}
                pass
                yield '<tr>\n  <th scope="row">'
                yield escape(environment.getattr(l_1_g, 'id'))
                yield '</th><td>'
                yield escape((environment.getattr(l_1_g, 'title') or ''))
                yield '</td>\n'
                for l_2_c in environment.getattr(environment.getattr(l_1_g, 'previous'), 'counts'):
                    _loop_vars = {}
                    pass
                    yield '  <td class="number">'
                    yield escape(environment.getattr(l_2_c, 'count'))
                    yield '</td>\n'
                l_2_c = missing
                yield '  <td class="number">'
                yield escape(environment.getattr(environment.getattr(l_1_g, 'previous'), 'total'))
                yield '</td><td class="number">'
                yield escape((markup_join((environment.getattr(environment.getattr(l_1_g, 'previous'), 'percent_done'), '%', )) if environment.getattr(environment.getattr(l_1_g, 'previous'), 'counted') else '-'))
                yield '</td><td class="number">'
                yield escape(environment.getattr(l_1_g, 'percent_done'))
                yield '%</td><td>'
                yield escape(environment.getattr(l_1_g, 'direction'))
                yield '</td>\n</tr>\n'
            l_1_g = missing
            yield '</tbody>\n<tfoot>\n<tr>\n  <th scope="row" colspan="2">Total</th>\n'
            for l_1_c in environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'counts'):
                _loop_vars = {}
                pass
                yield '  <td class="number">'
                yield escape(environment.getattr(l_1_c, 'count'))
                yield '</td>\n'
            l_1_c = missing
            yield '  <td class="number">'
            yield escape(environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'total'))
            yield '</td><td class="number">'
            yield escape(environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'percent_done'))
            yield '%</td><td class="number">'
            yield escape((undefined(name='percent_done') if l_0_percent_done is missing else l_0_percent_done))
            yield '%</td><td>'
            yield escape((undefined(name='direction') if l_0_direction is missing else l_0_direction))
            yield '</td>\n</tr>\n</tfoot>\n</table>\n</div>\n'
        if ((undefined(name='indicators') if l_0_indicators is missing else l_0_indicators) and ((undefined(name='by') if l_0_by is missing else l_0_by) == 'theme')):
            pass
            yield '<div class="table-scroll" role="region" aria-labelledby="indicators-caption" tabindex="0">\n<table>\n<caption id="indicators-caption">Indicators by theme</caption>\n<thead>\n<tr><th scope="col">Theme</th><th scope="col">Indicator</th><th scope="col">Latest</th><th scope="col">Rating</th><th scope="col">Direction</th></tr>\n</thead>\n<tbody>\n'
            for l_1_i in environment.getattr((undefined(name='indicators') if l_0_indicators is missing else l_0_indicators), 'indicators'):
                _loop_vars = {}
                pass
                yield '<tr>\n  <th scope="row">'
                yield escape((environment.getattr(l_1_i, 'theme') or '(none)'))
                yield '</th><td>'
                yield escape(environment.getattr(l_1_i, 'title'))
                yield '</td><td>'
                if (not t_8(environment.getattr(l_1_i, 'value'))):
                    pass
                    yield escape(t_3(environment.getattr(l_1_i, 'value'), environment.getattr(l_1_i, 'unit')))
                    yield ' in '
                    yield escape(environment.getattr(l_1_i, 'period'))
                yield '</td>\n'
                if environment.getattr(l_1_i, 'rating'):
                    pass
                    yield '  <td class="rag" style="background: '
                    yield escape(environment.getattr(environment.getattr(l_1_i, 'rating'), 'colour'))
                    yield '; color: '
                    yield escape(environment.getattr(environment.getattr(l_1_i, 'rating'), 'text_colour'))
                    yield '">'
                    yield escape(environment.getattr(environment.getattr(l_1_i, 'rating'), 'label'))
                    yield '</td>\n'
                else:
                    pass
                    yield '  <td>not rated</td>\n'
                yield '  <td>'
                yield escape((environment.getattr(l_1_i, 'direction') or ''))
                yield '</td>\n</tr>\n'
            l_1_i = missing
            yield '</tbody>\n</table>\n</div>\n'

    blocks = {'title': block_title, 'page': block_page, 'body': block_body}
    debug_info = '4=12&5=17&6=40&7=61&8=138&9=141&11=146&12=155&14=161&15=165&18=187&19=190&21=198&22=201&24=203&25=206&27=212&28=215&30=217&32=220&33=223&34=225&36=232&39=236&42=239&45=245&48=251&50=253&51=257&53=265&58=269&60=273&61=276&63=285&65=287&66=291&68=295&75=307&76=311&77=315&79=319&85=329&88=332&92=334&93=338&99=342&101=346&102=350&103=354&105=358&112=368&113=372&115=376&121=384&129=387&131=391&132=401&133=404&137=414'
    return locals()
