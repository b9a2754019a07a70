"""summary.md.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/summary.md.j2; do not edit."""

SOURCE_SHA1 = "96c1c3aaa6a27716cf2811d4cc3f93646235e614"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'summary.md.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_as_of = resolve('as_of')
        l_0_total = resolve('total')
        l_0_counts = resolve('counts')
        l_0_overdue = resolve('overdue')
        l_0_previous = resolve('previous')
        l_0_travel_sentence = resolve('travel_sentence')
        l_0_done = resolve('done')
        l_0_counted = resolve('counted')
        l_0_direction = resolve('direction')
        l_0_moves = resolve('moves')
        l_0_done_share = resolve('done_share')
        l_0_percent_done = resolve('percent_done')
        l_0_joint = resolve('joint')
        l_0_indicators = resolve('indicators')
        l_0_rating_tally = resolve('rating_tally')
        l_0_by = resolve('by')
        l_0_statuses = resolve('statuses')
        l_0_groups = resolve('groups')
        try:
            t_1 = environment.filters['capitalize']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'capitalize' found.")
        try:
            t_2 = environment.filters['in_unit']
        except KeyError:
            @internalcode
            def t_2(*unused):
                raise TemplateRuntimeError("No filter named 'in_unit' found.")
        try:
            t_3 = environment.filters['long_date']
        except KeyError:
            @internalcode
            def t_3(*unused):
                raise TemplateRuntimeError("No filter named 'long_date' found.")
        try:
            t_4 = environment.filters['md_cell']
        except KeyError:
            @internalcode
            def t_4(*unused):
                raise TemplateRuntimeError("No filter named 'md_cell' found.")
        try:
            t_5 = environment.filters['md_text']
        except KeyError:
            @internalcode
            def t_5(*unused):
                raise TemplateRuntimeError("No filter named 'md_text' found.")
        try:
            t_6 = environment.filters['month']
        except KeyError:
            @internalcode
            def t_6(*unused):
                raise TemplateRuntimeError("No filter named 'month' found.")
        try:
            t_7 = environment.filters['plural']
        except KeyError:
            @internalcode
            def t_7(*unused):
                raise TemplateRuntimeError("No filter named 'plural' found.")
        try:
            t_8 = environment.tests['none']
        except KeyError:
            @internalcode
            def t_8(*unused):
                raise TemplateRuntimeError("No test named 'none' found.")
        pass
        yield 'By '
        yield str(t_6((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))
        yield ' the status of the '
        yield str((undefined(name='total') if l_0_total is missing else l_0_total))
        yield ' '
        yield str(t_7('action', (undefined(name='total') if l_0_total is missing else l_0_total)))
        yield ' is as follows:\n\n'
        for l_1_c in (undefined(name='counts') if l_0_counts is missing else l_0_counts):
            _loop_vars = {}
            pass
            yield '- '
            yield str(environment.getattr(l_1_c, 'count'))
            yield ' '
            yield str(t_7('action', environment.getattr(l_1_c, 'count')))
            yield ' '
            yield str(t_7('is', environment.getattr(l_1_c, 'count'), 'are'))
            yield " '"
            yield str(t_5(environment.getattr(environment.getattr(l_1_c, 'status'), 'in_text')))
            yield "'"
            if environment.getattr(environment.getattr(l_1_c, 'status'), 'meaning'):
                pass
                yield ': '
                yield str(t_5(environment.getattr(environment.getattr(l_1_c, 'status'), 'meaning')))
            if (not environment.getattr(environment.getattr(l_1_c, 'status'), 'counts')):
                pass
                yield ' (not counted as done or outstanding)'
            yield '\n'
        l_1_c = missing
        if (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue):
            pass
            yield '\n'
            yield str((undefined(name='overdue') if l_0_overdue is missing else l_0_overdue))
            yield ' outstanding '
            yield str(t_7('action', (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue)))
            yield ' '
            yield str(t_7('is', (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue), 'are'))
            yield ' overdue: due before '
            yield str(t_3((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))
            yield '.\n'
        if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
            pass
            yield '\n'
            yield str(t_5(context.call((undefined(name='travel_sentence') if l_0_travel_sentence is missing else l_0_travel_sentence), (undefined(name='previous') if l_0_previous is missing else l_0_previous), (undefined(name='done') if l_0_done is missing else l_0_done), (undefined(name='counted') if l_0_counted is missing else l_0_counted), (undefined(name='direction') if l_0_direction is missing else l_0_direction), (undefined(name='moves') if l_0_moves is missing else l_0_moves))))
            yield '\n'
        if ((undefined(name='counted') if l_0_counted is missing else l_0_counted) != (undefined(name='total') if l_0_total is missing else l_0_total)):
            pass
            yield '\n'
            yield str(t_1(context.call((undefined(name='done_share') if l_0_done_share is missing else l_0_done_share), (undefined(name='percent_done') if l_0_percent_done is missing else l_0_percent_done), (undefined(name='counted') if l_0_counted is missing else l_0_counted), (undefined(name='total') if l_0_total is missing else l_0_total))))
            yield '.\n'
        if (undefined(name='joint') if l_0_joint is missing else l_0_joint):
            pass
            yield '\nAn action with joint lead officers counts under each of them: '
            yield str((undefined(name='joint') if l_0_joint is missing else l_0_joint))
            yield ' '
            yield str(t_7('action', (undefined(name='joint') if l_0_joint is missing else l_0_joint)))
            yield ' '
            yield str(t_7('has', (undefined(name='joint') if l_0_joint is missing else l_0_joint), 'have'))
            yield ' joint leads.\n'
        if (undefined(name='indicators') if l_0_indicators is missing else l_0_indicators):
            pass
            yield '\nIndicators: '
            yield str(context.call((undefined(name='rating_tally') if l_0_rating_tally is missing else l_0_rating_tally), environment.getattr((undefined(name='indicators') if l_0_indicators is missing else l_0_indicators), 'counts'), environment.getattr((undefined(name='indicators') if l_0_indicators is missing else l_0_indicators), 'not_rated')))
            yield '\n'
        yield '\n'
        if ((undefined(name='by') if l_0_by is missing else l_0_by) == 'theme'):
            pass
            yield '| Theme | Title | Lead officer |'
        else:
            pass
            yield '| '
            yield str(('Lead officer' if ((undefined(name='by') if l_0_by is missing else l_0_by) == 'lead_officer') else 'Lead body'))
            yield ' |'
        for l_1_s in (undefined(name='statuses') if l_0_statuses is missing else l_0_statuses):
            _loop_vars = {}
            pass
            yield ' '
            yield str(t_4(environment.getattr(l_1_s, 'label')))
            yield ' |'
        l_1_s = missing
        yield ' Total | % done |'
        if (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue):
            pass
            yield ' Overdue |'
        if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
            pass
            for l_1_c in environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'counts'):
                _loop_vars = {}
                pass
                yield ' '
                yield str(t_4(environment.getattr(environment.getattr(l_1_c, 'status'), 'label')))
                yield ' then |'
            l_1_c = missing
            yield ' Total then | % done then | Direction |'
        yield '\n'
        if ((undefined(name='by') if l_0_by is missing else l_0_by) == 'theme'):
            pass
            yield '|---|---|---|'
        else:
            pass
            yield '|---|'
        for l_1_s in (undefined(name='statuses') if l_0_statuses is missing else l_0_statuses):
            _loop_vars = {}
            pass
            yield '---:|'
        l_1_s = missing
        yield '---:|---:|'
        if (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue):
            pass
            yield '---:|'
        if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
            pass
            for l_1_c in environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'counts'):
                _loop_vars = {}
                pass
                yield '---:|'
            l_1_c = missing
            yield '---:|---:|---|'
        yield '\n'
        for l_1_g in (undefined(name='groups') if l_0_groups is missing else l_0_groups):
            _loop_vars = {}
            pass
            if ((undefined(name='by') if l_0_by is missing else l_0_by) == 'theme'):
                pass
                yield '| '
                yield str(t_4(environment.getattr(l_1_g, 'id')))
                yield ' | '
                yield str(t_4(environment.getattr(l_1_g, 'title')))
                yield ' | '
                yield str(t_4(environment.getattr(l_1_g, 'lead_officer')))
                yield ' |'
            else:
                pass
                yield '| '
                yield str((t_4(environment.getattr(l_1_g, 'id')) if environment.getattr(l_1_g, 'id') else '(not given)'))
                yield ' |'
            for l_2_c in environment.getattr(l_1_g, 'counts'):
                _loop_vars = {}
                pass
                yield ' '
                yield str(environment.getattr(l_2_c, 'count'))
                yield ' |'
            l_2_c = missing
            yield ' '
            yield str(environment.getattr(l_1_g, 'total'))
            yield ' | '
            yield str(environment.getattr(l_1_g, 'percent_done'))
            yield '% |'
            if (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue):
                pass
                yield ' '
                yield str(environment.getattr(l_1_g, 'overdue'))
                yield ' |'
            if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
                pass
                for l_2_c in environment.getattr(environment.getattr(l_1_g, 'previous'), 'counts'):
                    _loop_vars = {}
                    pass
                    yield ' '
                    yield str(environment.getattr(l_2_c, 'count'))
                    yield ' |'
                l_2_c = missing
                yield ' '
                yield str(environment.getattr(environment.getattr(l_1_g, 'previous'), 'total'))
                yield ' | '
                yield str((str_join((environment.getattr(environment.getattr(l_1_g, 'previous'), 'percent_done'), '%', )) if environment.getattr(environment.getattr(l_1_g, 'previous'), 'counted') else '-'))
                yield ' | '
                yield str(environment.getattr(l_1_g, 'direction'))
                yield ' |'
            yield '\n'
        l_1_g = missing
        if ((undefined(name='by') if l_0_by is missing else l_0_by) == 'theme'):
            pass
            yield '| **Total** | | |'
        else:
            pass
            yield '| **Total** |'
        for l_1_c in (undefined(name='counts') if l_0_counts is missing else l_0_counts):
            _loop_vars = {}
            pass
            yield ' **'
            yield str(environment.getattr(l_1_c, 'count'))
            yield '** |'
        l_1_c = missing
        yield ' **'
        yield str((undefined(name='total') if l_0_total is missing else l_0_total))
        yield '** | **'
        yield str((undefined(name='percent_done') if l_0_percent_done is missing else l_0_percent_done))
        yield '%** |'
        if (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue):
            pass
            yield ' **'
            yield str((undefined(name='overdue') if l_0_overdue is missing else l_0_overdue))
            yield '** |'
        if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
            pass
            for l_1_c in environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'counts'):
                _loop_vars = {}
                pass
                yield ' **'
                yield str(environment.getattr(l_1_c, 'count'))
                yield '** |'
            l_1_c = missing
            yield ' **'
            yield str(environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'total'))
            yield '** | **'
            yield str(environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'percent_done'))
            yield '%** | **'
            yield str((undefined(name='direction') if l_0_direction is missing else l_0_direction))
            yield '** |'
        yield '\n'
        if ((undefined(name='indicators') if l_0_indicators is missing else l_0_indicators) and ((undefined(name='by') if l_0_by is missing else l_0_by) == 'theme')):
            pass
            yield '\n| Theme | Indicator | Latest | Rating | Direction |\n|---|---|---|---|---|\n'
            for l_1_i in environment.getattr((undefined(name='indicators') if l_0_indicators is missing else l_0_indicators), 'indicators'):
                _loop_vars = {}
                pass
                yield '| '
                yield str((t_4(environment.getattr(l_1_i, 'theme')) if environment.getattr(l_1_i, 'theme') else '(none)'))
                yield ' | '
                yield str(t_4(environment.getattr(l_1_i, 'title')))
                yield ' | '
                if (not t_8(environment.getattr(l_1_i, 'value'))):
                    pass
                    yield str(t_2(environment.getattr(l_1_i, 'value'), environment.getattr(l_1_i, 'unit')))
                    yield ' in '
                    yield str(t_4(environment.getattr(l_1_i, 'period')))
                yield ' | '
                yield str((environment.getattr(environment.getattr(l_1_i, 'rating'), 'label') if environment.getattr(l_1_i, 'rating') else 'not rated'))
                yield ' | '
                yield str((environment.getattr(l_1_i, 'direction') or ''))
                yield ' |\n'
            l_1_i = missing

    blocks = {}
    debug_info = '2=78&4=84&5=88&8=105&10=108&12=116&14=119&16=121&18=124&20=126&22=129&24=135&26=138&29=141&31=147&32=149&33=160&35=171&38=177&39=186&41=195&42=198&43=201&44=210&45=212&46=229&49=247&52=253&53=270&55=287&59=290&60=294'
    return locals()
