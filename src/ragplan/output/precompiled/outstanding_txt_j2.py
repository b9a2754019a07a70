"""outstanding.txt.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/outstanding.txt.j2; do not edit."""

SOURCE_SHA1 = "68b6e0ce91a7262e10d582bcf5e2ff1f49ca9e8c"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'outstanding.txt.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_title_line = resolve('title_line')
        l_0_title = resolve('title')
        l_0_organisation = resolve('organisation')
        l_0_as_of = resolve('as_of')
        l_0_listed_line = resolve('listed_line')
        l_0_report = resolve('report')
        l_0_filters = resolve('filters')
        l_0_filters_line = resolve('filters_line')
        l_0_actions = resolve('actions')
        l_0_none_listed = resolve('none_listed')
        l_0_previous = resolve('previous')
        l_0_new_sentence = resolve('new_sentence')
        l_0_themes = resolve('themes')
        l_0_action = missing
        try:
            t_1 = environment.filters['indent']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'indent' found.")
        try:
            t_2 = environment.filters['long_date']
        except KeyError:
            @internalcode
            def t_2(*unused):
                raise TemplateRuntimeError("No filter named 'long_date' found.")
        try:
            t_3 = environment.filters['terminal']
        except KeyError:
            @internalcode
            def t_3(*unused):
                raise TemplateRuntimeError("No filter named 'terminal' found.")
        try:
            t_4 = environment.filters['wordwrap']
        except KeyError:
            @internalcode
            def t_4(*unused):
                raise TemplateRuntimeError("No filter named 'wordwrap' found.")
        pass
        def macro(l_1_a):
            t_5 = []
            if l_1_a is missing:
                l_1_a = undefined("parameter 'a' was not provided", name='a')
            pass
            t_5.extend((
                '  ',
                str(t_3(environment.getattr(l_1_a, 'id'))),
                '  ',
                str(t_3(environment.getattr(environment.getattr(l_1_a, 'status'), 'label'))),
            ))
            if environment.getattr(l_1_a, 'overdue'):
                pass
                t_5.append(
                    ', overdue',
                )
            if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
                pass
                t_5.extend((
                    '; was ',
                    str((t_3(environment.getattr(environment.getattr(l_1_a, 'previous_status'), 'label')) if environment.getattr(l_1_a, 'previous_status') else 'not in plan')),
                ))
                if environment.getattr(l_1_a, 'new'):
                    pass
                    t_5.append(
                        ', new to the list',
                    )
            if environment.getattr(l_1_a, 'lead_body'):
                pass
                t_5.extend((
                    '  ',
                    str(t_3(environment.getattr(l_1_a, 'lead_body'))),
                ))
            if environment.getattr(l_1_a, 'lead_officer'):
                pass
                t_5.extend((
                    '  (',
                    str(t_3(environment.getattr(l_1_a, 'lead_officer'))),
                    ')',
                ))
            t_5.extend((
                '\n',
                str(t_1(t_4(environment, t_3(str_join((environment.getattr(l_1_a, 'summary'), (str_join((' (end date ', t_2(environment.getattr(l_1_a, 'due')), ')', )) if environment.getattr(l_1_a, 'due') else ''), ))), 74), 4, True)),
                '\n',
            ))
            if environment.getattr(l_1_a, 'notes'):
                pass
                t_5.extend((
                    str(t_1(t_4(environment, t_3(str_join(('Notes: ', environment.getattr(l_1_a, 'notes'), ))), 74), 4, True)),
                    '\n',
                ))
            return concat(t_5)
        context.exported_vars.add('action')
        context.vars['action'] = l_0_action = Macro(environment, macro, 'action', ('a',), False, False, False, context.eval_ctx.autoescape)
        yield str(t_3(context.call((undefined(name='title_line') if l_0_title_line is missing else l_0_title_line), (undefined(name='title') if l_0_title is missing else l_0_title), (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation))))
        yield '\nOutstanding actions as of '
        yield str(t_2((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))
        yield ': '
        yield str(context.call((undefined(name='listed_line') if l_0_listed_line is missing else l_0_listed_line), (undefined(name='report') if l_0_report is missing else l_0_report)))
        yield '\n'
        if (undefined(name='filters') if l_0_filters is missing else l_0_filters):
            pass
            yield str(t_3(context.call((undefined(name='filters_line') if l_0_filters_line is missing else l_0_filters_line), (undefined(name='filters') if l_0_filters is missing else l_0_filters))))
            yield '\n'
        if (not (undefined(name='actions') if l_0_actions is missing else l_0_actions)):
            pass
            yield str(context.call((undefined(name='none_listed') if l_0_none_listed is missing else l_0_none_listed), (undefined(name='report') if l_0_report is missing else l_0_report)))
            yield '\n'
        if ((undefined(name='previous') if l_0_previous is missing else l_0_previous) and (undefined(name='actions') if l_0_actions is missing else l_0_actions)):
            pass
            yield str(t_3(context.call((undefined(name='new_sentence') if l_0_new_sentence is missing else l_0_new_sentence), (undefined(name='previous') if l_0_previous is missing else l_0_previous), (undefined(name='actions') if l_0_actions is missing else l_0_actions))))
            yield '\n'
        for l_1_theme in (undefined(name='themes') if l_0_themes is missing else l_0_themes):
            _loop_vars = {}
            pass
            yield '\n'
            yield str(t_3(environment.getattr(l_1_theme, 'id')))
            if environment.getattr(l_1_theme, 'title'):
                pass
                yield ': '
                yield str(t_3(environment.getattr(l_1_theme, 'title')))
            if environment.getattr(l_1_theme, 'lead_officer'):
                pass
                yield ' (lead officer: '
                yield str(t_3(environment.getattr(l_1_theme, 'lead_officer')))
                yield ')'
            yield '\n'
            for l_2_section in environment.getattr(l_1_theme, 'sections'):
                _loop_vars = {}
                pass
                if environment.getattr(l_2_section, 'id'):
                    pass
                    yield ' '
                    yield str(t_3(environment.getattr(l_2_section, 'id')))
                    if environment.getattr(l_2_section, 'title'):
                        pass
                        yield ' '
                        yield str(t_3(environment.getattr(l_2_section, 'title')))
                    yield '\n'
                for l_3_a in environment.getattr(l_2_section, 'actions'):
                    _loop_vars = {}
                    pass
                    yield str(context.call((undefined(name='action') if l_0_action is missing else l_0_action), l_3_a, _loop_vars=_loop_vars))
                l_3_a = missing
            l_2_section = missing
        l_1_theme = missing

    blocks = {}
    debug_info = '2=49&3=56&5=91&6=94&7=97&10=103&11=105&12=109&13=111&15=113&16=115&18=117&19=119&21=121&23=125&25=136&26=139&27=142&30=148&31=151'
    return locals()
