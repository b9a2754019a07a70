"""outstanding.md.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/outstanding.md.j2; do not edit."""

SOURCE_SHA1 = "d66a8968608326cd250e1b63a23a8bd2a3581dd2"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'outstanding.md.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_embedded = resolve('embedded')
        l_0_title = resolve('title')
        l_0_as_of = resolve('as_of')
        l_0_organisation = resolve('organisation')
        l_0_listed_line = resolve('listed_line')
        l_0_report = resolve('report')
        l_0_filters = resolve('filters')
        l_0_filters_line = resolve('filters_line')
        l_0_actions = resolve('actions')
        l_0_none_listed = resolve('none_listed')
        l_0_previous = resolve('previous')
        l_0_new_sentence = resolve('new_sentence')
        l_0_themes = resolve('themes')
        l_0_rows = missing
        try:
            t_1 = environment.filters['long_date']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'long_date' found.")
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
            t_4 = environment.filters['month']
        except KeyError:
            @internalcode
            def t_4(*unused):
                raise TemplateRuntimeError("No filter named 'month' found.")
        pass
        def macro(l_1_actions):
            t_5 = []
            if l_1_actions is missing:
                l_1_actions = undefined("parameter 'actions' was not provided", name='actions')
            pass
            t_5.append(
                '| Lead Body | Ref | Key Actions Summary (with end date) | Lead Officer | RAG Rating |',
            )
            if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
                pass
                t_5.append(
                    ' Previous RAG Rating | New |',
                )
            t_5.append(
                ' Notes |\n|---|---|---|---|---|',
            )
            if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
                pass
                t_5.append(
                    '---|---|',
                )
            t_5.append(
                '---|\n',
            )
            for l_2_a in l_1_actions:
                _loop_vars = {}
                pass
                t_5.extend((
                    '| ',
                    str(t_2(environment.getattr(l_2_a, 'lead_body'))),
                    ' | ',
                    str(t_2(environment.getattr(l_2_a, 'id'))),
                    ' | ',
                    str(t_2(environment.getattr(l_2_a, 'summary'))),
                ))
                if environment.getattr(l_2_a, 'due'):
                    pass
                    t_5.extend((
                        ' (end date ',
                        str(t_1(environment.getattr(l_2_a, 'due'))),
                        ')',
                    ))
                t_5.extend((
                    ' | ',
                    str(t_2(environment.getattr(l_2_a, 'lead_officer'))),
                    ' | ',
                    str(t_2(environment.getattr(environment.getattr(l_2_a, 'status'), 'label'))),
                ))
                if environment.getattr(l_2_a, 'overdue'):
                    pass
                    t_5.append(
                        ' (overdue)',
                    )
                t_5.append(
                    ' |',
                )
                if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
                    pass
                    t_5.extend((
                        ' ',
                        str((t_2(environment.getattr(environment.getattr(l_2_a, 'previous_status'), 'label')) if environment.getattr(l_2_a, 'previous_status') else 'not in plan')),
                        ' | ',
                        str(('new' if environment.getattr(l_2_a, 'new') else '')),
                        ' |',
                    ))
                t_5.extend((
                    ' ',
                    str(t_2(environment.getattr(l_2_a, 'notes'))),
                    ' |\n',
                ))
            l_2_a = missing
            return concat(t_5)
        context.exported_vars.add('rows')
        context.vars['rows'] = l_0_rows = Macro(environment, macro, 'rows', ('actions',), False, False, False, context.eval_ctx.autoescape)
        if (not (undefined(name='embedded') if l_0_embedded is missing else l_0_embedded)):
            pass
            yield '# '
            yield str(t_3((undefined(name='title') if l_0_title is missing else l_0_title)))
            yield ': Outstanding Actions ('
            yield str(t_4((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))
            yield ')\n\n'
        if (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation):
            pass
            yield str(t_3((undefined(name='organisation') if l_0_organisation is missing else l_0_organisation)))
            yield '. '
        yield 'As of '
        yield str(t_1((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))
        yield ': '
        yield str(t_3(context.call((undefined(name='listed_line') if l_0_listed_line is missing else l_0_listed_line), (undefined(name='report') if l_0_report is missing else l_0_report))))
        yield '.\n'
        if (undefined(name='filters') if l_0_filters is missing else l_0_filters):
            pass
            yield '\n'
            yield str(t_3(context.call((undefined(name='filters_line') if l_0_filters_line is missing else l_0_filters_line), (undefined(name='filters') if l_0_filters is missing else l_0_filters))))
            yield '.\n'
        yield '\n'
        if (not (undefined(name='actions') if l_0_actions is missing else l_0_actions)):
            pass
            yield str(t_3(context.call((undefined(name='none_listed') if l_0_none_listed is missing else l_0_none_listed), (undefined(name='report') if l_0_report is missing else l_0_report))))
            yield '\n'
        if ((undefined(name='previous') if l_0_previous is missing else l_0_previous) and (undefined(name='actions') if l_0_actions is missing else l_0_actions)):
            pass
            yield str(t_3(context.call((undefined(name='new_sentence') if l_0_new_sentence is missing else l_0_new_sentence), (undefined(name='previous') if l_0_previous is missing else l_0_previous), (undefined(name='actions') if l_0_actions is missing else l_0_actions))))
            yield '\n\n'
        for l_1_theme in (undefined(name='themes') if l_0_themes is missing else l_0_themes):
            _loop_vars = {}
            pass
            yield '## '
            yield str(t_3(environment.getattr(l_1_theme, 'id')))
            if environment.getattr(l_1_theme, 'title'):
                pass
                yield ': '
                yield str(t_3(environment.getattr(l_1_theme, 'title')))
            yield '\n\n'
            if environment.getattr(l_1_theme, 'lead_officer'):
                pass
                yield 'Lead officer: '
                yield str(t_3(environment.getattr(l_1_theme, 'lead_officer')))
                yield '\n\n'
            for l_2_section in environment.getattr(l_1_theme, 'sections'):
                _loop_vars = {}
                pass
                if environment.getattr(l_2_section, 'id'):
                    pass
                    yield '### '
                    yield str(t_3(environment.getattr(l_2_section, 'id')))
                    if environment.getattr(l_2_section, 'title'):
                        pass
                        yield ' '
                        yield str(t_3(environment.getattr(l_2_section, 'title')))
                    yield '\n\n'
                yield str(context.call((undefined(name='rows') if l_0_rows is missing else l_0_rows), environment.getattr(l_2_section, 'actions'), _loop_vars=_loop_vars))
                yield '\n'
            l_2_section = missing
        l_1_theme = missing

    blocks = {}
    debug_info = '2=49&3=57&4=65&5=73&6=78&9=123&10=126&13=130&14=139&16=142&19=145&20=147&22=149&23=151&26=153&27=157&30=163&31=166&34=168&35=171&36=174&40=180'
    return locals()
