"""summary.txt.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/summary.txt.j2; do not edit."""

SOURCE_SHA1 = "3622ebda545cbb3efb2e23749cc667535cac732d"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'summary.txt.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_headline = resolve('headline')
        l_0_total = resolve('total')
        l_0_counts = resolve('counts')
        l_0_overdue = resolve('overdue')
        l_0_title_line = resolve('title_line')
        l_0_title = resolve('title')
        l_0_organisation = resolve('organisation')
        l_0_as_of = resolve('as_of')
        l_0_done_share = resolve('done_share')
        l_0_percent_done = resolve('percent_done')
        l_0_counted = resolve('counted')
        l_0_previous = resolve('previous')
        l_0_travel_sentence = resolve('travel_sentence')
        l_0_done = resolve('done')
        l_0_direction = resolve('direction')
        l_0_moves = resolve('moves')
        l_0_joint = resolve('joint')
        l_0_indicators = resolve('indicators')
        l_0_rating_tally = resolve('rating_tally')
        l_0_by = resolve('by')
        l_0_heads = resolve('heads')
        l_0_align = resolve('align')
        l_0_statuses = resolve('statuses')
        l_0_namespace = resolve('namespace')
        l_0_groups = resolve('groups')
        l_0_text_table = resolve('text_table')
        l_0_ns = l_0_then = l_0_blank = l_0_since = l_0_numbers = missing
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
            t_3 = environment.filters['list']
        except KeyError:
            @internalcode
            def t_3(*unused):
                raise TemplateRuntimeError("No filter named 'list' found.")
        try:
            t_4 = environment.filters['long_date']
        except KeyError:
            @internalcode
            def t_4(*unused):
                raise TemplateRuntimeError("No filter named 'long_date' found.")
        try:
            t_5 = environment.filters['map']
        except KeyError:
            @internalcode
            def t_5(*unused):
                raise TemplateRuntimeError("No filter named 'map' found.")
        try:
            t_6 = environment.filters['plural']
        except KeyError:
            @internalcode
            def t_6(*unused):
                raise TemplateRuntimeError("No filter named 'plural' found.")
        try:
            t_7 = environment.filters['terminal']
        except KeyError:
            @internalcode
            def t_7(*unused):
                raise TemplateRuntimeError("No filter named 'terminal' found.")
        try:
            t_8 = environment.tests['none']
        except KeyError:
            @internalcode
            def t_8(*unused):
                raise TemplateRuntimeError("No test named 'none' found.")
        pass
        yield str(t_7(context.call((undefined(name='headline') if l_0_headline is missing else l_0_headline), (undefined(name='total') if l_0_total is missing else l_0_total), (undefined(name='counts') if l_0_counts is missing else l_0_counts), (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue))))
        yield '\n'
        yield str(t_7(context.call((undefined(name='title_line') if l_0_title_line is missing else l_0_title_line), (undefined(name='title') if l_0_title is missing else l_0_title), (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation))))
        yield ', as of '
        yield str(t_4((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))
        yield ': '
        yield str(context.call((undefined(name='done_share') if l_0_done_share is missing else l_0_done_share), (undefined(name='percent_done') if l_0_percent_done is missing else l_0_percent_done), (undefined(name='counted') if l_0_counted is missing else l_0_counted), (undefined(name='total') if l_0_total is missing else l_0_total)))
        yield '\n'
        if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
            pass
            yield str(t_7(context.call((undefined(name='travel_sentence') if l_0_travel_sentence is missing else l_0_travel_sentence), (undefined(name='previous') if l_0_previous is missing else l_0_previous), (undefined(name='done') if l_0_done is missing else l_0_done), (undefined(name='counted') if l_0_counted is missing else l_0_counted), (undefined(name='direction') if l_0_direction is missing else l_0_direction), (undefined(name='moves') if l_0_moves is missing else l_0_moves))))
            yield '\n'
        if (undefined(name='joint') if l_0_joint is missing else l_0_joint):
            pass
            yield 'An action with joint lead officers counts under each of them: '
            yield str((undefined(name='joint') if l_0_joint is missing else l_0_joint))
            yield ' '
            yield str(t_6('action', (undefined(name='joint') if l_0_joint is missing else l_0_joint)))
            yield ' '
            yield str(t_6('has', (undefined(name='joint') if l_0_joint is missing else l_0_joint), 'have'))
            yield ' joint leads.\n'
        if (undefined(name='indicators') if l_0_indicators is missing else l_0_indicators):
            pass
            yield 'Indicators: '
            yield str(context.call((undefined(name='rating_tally') if l_0_rating_tally is missing else l_0_rating_tally), environment.getattr((undefined(name='indicators') if l_0_indicators is missing else l_0_indicators), 'counts'), environment.getattr((undefined(name='indicators') if l_0_indicators is missing else l_0_indicators), 'not_rated')))
            yield '\n'
        yield '\n'
        if ((undefined(name='by') if l_0_by is missing else l_0_by) == 'theme'):
            pass
            l_0_heads = ['Theme', 'Title', 'Lead officer']
            context.vars['heads'] = l_0_heads
            context.exported_vars.add('heads')
            l_0_align = 'lll'
            context.vars['align'] = l_0_align
            context.exported_vars.add('align')
        else:
            pass
            l_0_heads = [('Lead officer' if ((undefined(name='by') if l_0_by is missing else l_0_by) == 'lead_officer') else 'Lead body')]
            context.vars['heads'] = l_0_heads
            context.exported_vars.add('heads')
            l_0_align = 'l'
            context.vars['align'] = l_0_align
            context.exported_vars.add('align')
        l_0_heads = ((((undefined(name='heads') if l_0_heads is missing else l_0_heads) + t_3(context.eval_ctx, t_5(context, (undefined(name='statuses') if l_0_statuses is missing else l_0_statuses), attribute='label'))) + ['Total', '% done']) + (['Overdue'] if (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue) else []))
        context.vars['heads'] = l_0_heads
        context.exported_vars.add('heads')
        l_0_ns = context.call((undefined(name='namespace') if l_0_namespace is missing else l_0_namespace), rows=[], heads=(undefined(name='heads') if l_0_heads is missing else l_0_heads))
        context.vars['ns'] = l_0_ns
        context.exported_vars.add('ns')
        if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
            pass
            for l_1_c in environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'counts'):
                _loop_vars = {}
                pass
                if not isinstance(l_0_ns, Namespace):
                    raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
                l_0_ns['heads'] = (environment.getattr((undefined(name='ns') if l_0_ns is missing else l_0_ns), 'heads') + [str_join((environment.getattr(environment.getattr(l_1_c, 'status'), 'label'), ' then', ))])
            l_1_c = missing
            if not isinstance(l_0_ns, Namespace):
                raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
            l_0_ns['heads'] = (environment.getattr((undefined(name='ns') if l_0_ns is missing else l_0_ns), 'heads') + ['Total then', '% done then', 'Direction'])
        def macro(l_1_p):
            t_9 = []
            if l_1_p is missing:
                l_1_p = undefined("parameter 'p' was not provided", name='p')
            pass
            t_9.append(
                str((str_join((environment.getattr(l_1_p, 'percent_done'), '%', )) if environment.getattr(l_1_p, 'counted') else '-')),
            )
            return concat(t_9)
        context.exported_vars.add('then')
        context.vars['then'] = l_0_then = Macro(environment, macro, 'then', ('p',), False, False, False, context.eval_ctx.autoescape)
        for l_1_g in (undefined(name='groups') if l_0_groups is missing else l_0_groups):
            l_1_since = l_0_since
            l_1_named = missing
            _loop_vars = {}
            pass
            l_1_named = ([environment.getattr(l_1_g, 'id'), (environment.getattr(l_1_g, 'title') or ''), (environment.getattr(l_1_g, 'lead_officer') or '')] if ((undefined(name='by') if l_0_by is missing else l_0_by) == 'theme') else [(environment.getattr(l_1_g, 'id') or '(not given)')])
            _loop_vars['named'] = l_1_named
            l_1_since = ((t_3(context.eval_ctx, t_5(context, environment.getattr(environment.getattr(l_1_g, 'previous'), 'counts'), attribute='count')) + [environment.getattr(environment.getattr(l_1_g, 'previous'), 'total'), context.call((undefined(name='then') if l_0_then is missing else l_0_then), environment.getattr(l_1_g, 'previous'), _loop_vars=_loop_vars), environment.getattr(l_1_g, 'direction')]) if (undefined(name='previous') if l_0_previous is missing else l_0_previous) else [])
            _loop_vars['since'] = l_1_since
            if not isinstance(l_0_ns, Namespace):
                raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
            l_0_ns['rows'] = (environment.getattr((undefined(name='ns') if l_0_ns is missing else l_0_ns), 'rows') + [(((((undefined(name='named') if l_1_named is missing else l_1_named) + t_3(context.eval_ctx, t_5(context, environment.getattr(l_1_g, 'counts'), attribute='count'))) + [environment.getattr(l_1_g, 'total'), str_join((environment.getattr(l_1_g, 'percent_done'), '%', ))]) + ([environment.getattr(l_1_g, 'overdue')] if (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue) else [])) + (undefined(name='since') if l_1_since is missing else l_1_since))])
        l_1_g = l_1_named = l_1_since = missing
        l_0_blank = (['', ''] if ((undefined(name='by') if l_0_by is missing else l_0_by) == 'theme') else [])
        context.vars['blank'] = l_0_blank
        context.exported_vars.add('blank')
        l_0_since = ((t_3(context.eval_ctx, t_5(context, environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'counts'), attribute='count')) + [environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'total'), context.call((undefined(name='then') if l_0_then is missing else l_0_then), (undefined(name='previous') if l_0_previous is missing else l_0_previous)), (undefined(name='direction') if l_0_direction is missing else l_0_direction)]) if (undefined(name='previous') if l_0_previous is missing else l_0_previous) else [])
        context.vars['since'] = l_0_since
        context.exported_vars.add('since')
        if not isinstance(l_0_ns, Namespace):
            raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
        l_0_ns['rows'] = (environment.getattr((undefined(name='ns') if l_0_ns is missing else l_0_ns), 'rows') + [(((((['Total'] + (undefined(name='blank') if l_0_blank is missing else l_0_blank)) + t_3(context.eval_ctx, t_5(context, (undefined(name='counts') if l_0_counts is missing else l_0_counts), attribute='count'))) + [(undefined(name='total') if l_0_total is missing else l_0_total), str_join(((undefined(name='percent_done') if l_0_percent_done is missing else l_0_percent_done), '%', ))]) + ([(undefined(name='overdue') if l_0_overdue is missing else l_0_overdue)] if (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue) else [])) + (undefined(name='since') if l_0_since is missing else l_0_since))])
        l_0_numbers = ((t_2(environment.getattr((undefined(name='ns') if l_0_ns is missing else l_0_ns), 'heads')) - t_2((undefined(name='align') if l_0_align is missing else l_0_align))) - (1 if (undefined(name='previous') if l_0_previous is missing else l_0_previous) else 0))
        context.vars['numbers'] = l_0_numbers
        context.exported_vars.add('numbers')
        yield str(context.call((undefined(name='text_table') if l_0_text_table is missing else l_0_text_table), environment.getattr((undefined(name='ns') if l_0_ns is missing else l_0_ns), 'heads'), environment.getattr((undefined(name='ns') if l_0_ns is missing else l_0_ns), 'rows'), str_join(((undefined(name='align') if l_0_align is missing else l_0_align), ('r' * (undefined(name='numbers') if l_0_numbers is missing else l_0_numbers)), 'l', ))))
        yield '\n'
        if ((undefined(name='indicators') if l_0_indicators is missing else l_0_indicators) and ((undefined(name='by') if l_0_by is missing else l_0_by) == 'theme')):
            pass
            yield '\n'
            l_0_ns = context.call((undefined(name='namespace') if l_0_namespace is missing else l_0_namespace), rows=[])
            context.vars['ns'] = l_0_ns
            context.exported_vars.add('ns')
            for l_1_i in environment.getattr((undefined(name='indicators') if l_0_indicators is missing else l_0_indicators), 'indicators'):
                l_1_latest = missing
                _loop_vars = {}
                pass
                l_1_latest = (str_join((t_1(environment.getattr(l_1_i, 'value'), environment.getattr(l_1_i, 'unit')), ' in ', environment.getattr(l_1_i, 'period'), )) if (not t_8(environment.getattr(l_1_i, 'value'))) else '')
                _loop_vars['latest'] = l_1_latest
                if not isinstance(l_0_ns, Namespace):
                    raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
                l_0_ns['rows'] = (environment.getattr((undefined(name='ns') if l_0_ns is missing else l_0_ns), 'rows') + [[(environment.getattr(l_1_i, 'theme') or '(none)'), environment.getattr(l_1_i, 'title'), (undefined(name='latest') if l_1_latest is missing else l_1_latest), (environment.getattr(environment.getattr(l_1_i, 'rating'), 'label') if environment.getattr(l_1_i, 'rating') else 'not rated'), (environment.getattr(l_1_i, 'direction') or '')]])
            l_1_i = l_1_latest = missing
            yield str(context.call((undefined(name='text_table') if l_0_text_table is missing else l_0_text_table), ['Theme', 'Indicator', 'Latest', 'Rating', 'Direction'], environment.getattr((undefined(name='ns') if l_0_ns is missing else l_0_ns), 'rows')))
            yield '\n'

    blocks = {}
    debug_info = '2=86&3=88&4=94&5=96&7=98&8=101&10=107&11=110&14=113&15=115&16=118&18=123&19=126&21=129&22=132&23=135&24=137&25=142&27=146&29=147&30=158&31=163&32=165&33=169&35=171&36=174&37=179&39=180&40=183&41=185&43=188&44=191&45=195&46=199&48=201'
    return locals()
