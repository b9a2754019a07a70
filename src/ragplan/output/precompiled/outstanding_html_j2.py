"""outstanding.html.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/outstanding.html.j2; do not edit."""

SOURCE_SHA1 = "0edbb61b800d84fbc0528e567131da94fb01fcdb"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'outstanding.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        l_0_rows = missing
        try:
            t_1 = environment.filters['html_lines']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'html_lines' found.")
        try:
            t_2 = environment.filters['long_date']
        except KeyError:
            @internalcode
            def t_2(*unused):
                raise TemplateRuntimeError("No filter named 'long_date' found.")
        pass
        parent_template = environment.get_template('base.html.j2', 'outstanding.html.j2')
        for name, parent_block in parent_template.blocks.items():
            context.blocks.setdefault(name, []).append(parent_block)
        def macro(l_1_actions, l_1_caption, l_1_number):
            t_3 = []
            l_1_previous = resolve('previous')
            if l_1_actions is missing:
                l_1_actions = undefined("parameter 'actions' was not provided", name='actions')
            if l_1_caption is missing:
                l_1_caption = undefined("parameter 'caption' was not provided", name='caption')
            if l_1_number is missing:
                l_1_number = undefined("parameter 'number' was not provided", name='number')
            pass
            t_3.extend((
                '<div class="table-scroll" role="region" aria-labelledby="table-',
                escape(l_1_number),
                '" tabindex="0">\n<table>\n<caption id="table-',
                escape(l_1_number),
                '" class="visually-hidden">Outstanding actions: ',
                escape(l_1_caption),
                '</caption>\n<colgroup><col class="lead-body"><col class="ref"><col class="summary"><col class="lead-officer"><col class="rag">',
            ))
            if (undefined(name='previous') if l_1_previous is missing else l_1_previous):
                pass
                t_3.append(
                    '<col class="rag"><col class="new">',
                )
            t_3.append(
                '<col class="notes"></colgroup>\n<thead>\n<tr><th scope="col">Lead Body</th><th scope="col">Ref</th><th scope="col">Key Actions Summary (with end date)</th><th scope="col">Lead Officer</th><th scope="col">RAG Rating</th>',
            )
            if (undefined(name='previous') if l_1_previous is missing else l_1_previous):
                pass
                t_3.append(
                    '<th scope="col">Previous RAG Rating</th><th scope="col">New</th>',
                )
            t_3.append(
                '<th scope="col">Notes</th></tr>\n</thead>\n<tbody>\n',
            )
            for l_2_a in l_1_actions:
                _loop_vars = {}
                pass
                t_3.extend((
                    '<tr>\n  <td>',
                    escape((environment.getattr(l_2_a, 'lead_body') or '')),
                    '</td>\n  <th scope="row">',
                    escape(environment.getattr(l_2_a, 'id')),
                    '</th>\n  <td>',
                    escape(t_1(environment.getattr(l_2_a, 'summary'))),
                ))
                if environment.getattr(l_2_a, 'due'):
                    pass
                    t_3.extend((
                        ' (end date ',
                        escape(t_2(environment.getattr(l_2_a, 'due'))),
                        ')',
                    ))
                t_3.extend((
                    '</td>\n  <td>',
                    escape((environment.getattr(l_2_a, 'lead_officer') or '')),
                    '</td>\n  <td class="rag" style="background: ',
                    escape(environment.getattr(environment.getattr(l_2_a, 'status'), 'colour')),
                    '; color: ',
                    escape(environment.getattr(environment.getattr(l_2_a, 'status'), 'text_colour')),
                    '">',
                    escape(environment.getattr(environment.getattr(l_2_a, 'status'), 'label')),
                ))
                if environment.getattr(l_2_a, 'overdue'):
                    pass
                    t_3.append(
                        '<br><span class="overdue">overdue</span>',
                    )
                t_3.append(
                    '</td>\n',
                )
                if (undefined(name='previous') if l_1_previous is missing else l_1_previous):
                    pass
                    if environment.getattr(l_2_a, 'previous_status'):
                        pass
                        t_3.extend((
                            '  <td class="rag" style="background: ',
                            escape(environment.getattr(environment.getattr(l_2_a, 'previous_status'), 'colour')),
                            '; color: ',
                            escape(environment.getattr(environment.getattr(l_2_a, 'previous_status'), 'text_colour')),
                            '">',
                            escape(environment.getattr(environment.getattr(l_2_a, 'previous_status'), 'label')),
                            '</td>\n',
                        ))
                    else:
                        pass
                        t_3.append(
                            '  <td>not in plan</td>\n',
                        )
                    t_3.extend((
                        '  <td>',
                        escape(('new' if environment.getattr(l_2_a, 'new') else '')),
                        '</td>\n',
                    ))
                t_3.extend((
                    '  <td>',
                    escape(t_1(environment.getattr(l_2_a, 'notes'))),
                    '</td>\n</tr>\n',
                ))
            l_2_a = missing
            t_3.append(
                '</tbody>\n</table>\n</div>\n',
            )
            return concat(t_3)
        context.exported_vars.add('rows')
        context.vars['rows'] = l_0_rows = Macro(environment, macro, 'rows', ('actions', 'caption', 'number'), False, False, False, context.eval_ctx.autoescape)
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
            t_4 = environment.filters['month']
        except KeyError:
            @internalcode
            def t_4(*unused):
                raise TemplateRuntimeError("No filter named 'month' found.")
        pass
        yield escape(context.call((undefined(name='title_line') if l_0_title_line is missing else l_0_title_line), (undefined(name='title') if l_0_title is missing else l_0_title), (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation), _block_vars=_block_vars))
        yield ': outstanding actions ('
        yield escape(t_4((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))
        yield ')'

    def block_page(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_previous = resolve('previous')
        pass
        yield 'ragplan-outstanding'
        if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
            pass
            yield ' since'

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
        l_0_listed_line = resolve('listed_line')
        l_0_report = resolve('report')
        l_0_filters = resolve('filters')
        l_0_filters_line = resolve('filters_line')
        l_0_actions = resolve('actions')
        l_0_none_listed = resolve('none_listed')
        l_0_previous = resolve('previous')
        l_0_new_sentence = resolve('new_sentence')
        l_0_statuses = resolve('statuses')
        l_0_namespace = resolve('namespace')
        l_0_themes = resolve('themes')
        l_0_ns = missing
        try:
            t_2 = environment.filters['long_date']
        except KeyError:
            @internalcode
            def t_2(*unused):
                raise TemplateRuntimeError("No filter named 'long_date' found.")
        try:
            t_4 = environment.filters['month']
        except KeyError:
            @internalcode
            def t_4(*unused):
                raise TemplateRuntimeError("No filter named 'month' found.")
        pass
        if (not (undefined(name='embedded') if l_0_embedded is missing else l_0_embedded)):
            pass
            yield '<h1>'
            yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
            yield ': Outstanding Actions ('
            yield escape(t_4((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))
            yield ')</h1>\n'
        yield '<p class="lead">'
        if (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation):
            pass
            yield escape((undefined(name='organisation') if l_0_organisation is missing else l_0_organisation))
            yield '. '
        yield 'As of '
        yield escape(t_2((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))
        yield ': '
        yield escape(context.call((undefined(name='listed_line') if l_0_listed_line is missing else l_0_listed_line), (undefined(name='report') if l_0_report is missing else l_0_report), _block_vars=_block_vars))
        yield '.</p>\n'
        if (undefined(name='filters') if l_0_filters is missing else l_0_filters):
            pass
            yield '<p class="filters">'
            yield escape(context.call((undefined(name='filters_line') if l_0_filters_line is missing else l_0_filters_line), (undefined(name='filters') if l_0_filters is missing else l_0_filters), _block_vars=_block_vars))
            yield '.</p>\n'
        if (not (undefined(name='actions') if l_0_actions is missing else l_0_actions)):
            pass
            yield '<p>'
            yield escape(context.call((undefined(name='none_listed') if l_0_none_listed is missing else l_0_none_listed), (undefined(name='report') if l_0_report is missing else l_0_report), _block_vars=_block_vars))
            yield '</p>\n'
        if ((undefined(name='previous') if l_0_previous is missing else l_0_previous) and (undefined(name='actions') if l_0_actions is missing else l_0_actions)):
            pass
            yield '<p>'
            yield escape(context.call((undefined(name='new_sentence') if l_0_new_sentence is missing else l_0_new_sentence), (undefined(name='previous') if l_0_previous is missing else l_0_previous), (undefined(name='actions') if l_0_actions is missing else l_0_actions), _block_vars=_block_vars))
            yield '</p>\n'
        if (undefined(name='actions') if l_0_actions is missing else l_0_actions):
            pass
            yield '<div class="table-scroll" role="region" aria-labelledby="key-caption" tabindex="0">\n<table class="key">\n<caption id="key-caption">Key to the ratings</caption>\n<thead>\n<tr><th scope="col">Rating</th><th scope="col">Meaning</th><th scope="col">Done</th></tr>\n</thead>\n<tbody>\n'
            for l_1_s in (undefined(name='statuses') if l_0_statuses is missing else l_0_statuses):
                _loop_vars = {}
                pass
                yield '<tr><th scope="row" class="rag" style="background: '
                yield escape(environment.getattr(l_1_s, 'colour'))
                yield '; color: '
                yield escape(environment.getattr(l_1_s, 'text_colour'))
                yield '">'
                yield escape(environment.getattr(l_1_s, 'label'))
                yield '</th><td>'
                yield escape((environment.getattr(l_1_s, 'meaning') or ''))
                yield '</td><td>'
                yield escape(('yes' if environment.getattr(l_1_s, 'done') else ('not counted' if (not environment.getattr(l_1_s, 'counts')) else 'no')))
                yield '</td></tr>\n'
            l_1_s = missing
            yield '</tbody>\n</table>\n</div>\n'
        l_0_ns = context.call((undefined(name='namespace') if l_0_namespace is missing else l_0_namespace), tables=0, _block_vars=_block_vars)
        _block_vars['ns'] = l_0_ns
        for l_1_theme in (undefined(name='themes') if l_0_themes is missing else l_0_themes):
            _loop_vars = {}
            pass
            yield '<h2>'
            yield escape(environment.getattr(l_1_theme, 'id'))
            if environment.getattr(l_1_theme, 'title'):
                pass
                yield ': '
                yield escape(environment.getattr(l_1_theme, 'title'))
            yield '</h2>\n'
            if environment.getattr(l_1_theme, 'lead_officer'):
                pass
                yield '<p class="lead">Lead officer: '
                yield escape(environment.getattr(l_1_theme, 'lead_officer'))
                yield '</p>\n'
            for l_2_section in environment.getattr(l_1_theme, 'sections'):
                l_2_rows = resolve('rows')
                l_2_caption = missing
                _loop_vars = {}
                pass
                if environment.getattr(l_2_section, 'id'):
                    pass
                    yield '<h3>'
                    yield escape(environment.getattr(l_2_section, 'id'))
                    if environment.getattr(l_2_section, 'title'):
                        pass
                        yield ' '
                        yield escape(environment.getattr(l_2_section, 'title'))
                    yield '</h3>\n'
                if not isinstance(l_0_ns, Namespace):
                    raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
                l_0_ns['tables'] = (environment.getattr((undefined(name='ns') if l_0_ns is missing else l_0_ns), 'tables') + 1)
                l_2_caption = (markup_join((environment.getattr(l_2_section, 'id'), (markup_join((' ', environment.getattr(l_2_section, 'title'), )) if environment.getattr(l_2_section, 'title') else ''), )) if environment.getattr(l_2_section, 'id') else markup_join((environment.getattr(l_1_theme, 'id'), (markup_join((' ', environment.getattr(l_1_theme, 'title'), )) if environment.getattr(l_1_theme, 'title') else ''), )))
                _loop_vars['caption'] = l_2_caption
                yield escape(context.call((undefined(name='rows') if l_2_rows is missing else l_2_rows), environment.getattr(l_2_section, 'actions'), (undefined(name='caption') if l_2_caption is missing else l_2_caption), environment.getattr((undefined(name='ns') if l_0_ns is missing else l_0_ns), 'tables'), _loop_vars=_loop_vars))
                yield '\n'
            l_2_section = l_2_caption = l_2_rows = missing
        l_1_theme = missing

    blocks = {'title': block_title, 'page': block_page, 'body': block_body}
    debug_info = '3=25&4=28&5=40&7=42&8=47&10=55&13=63&15=68&16=70&17=72&18=83&19=85&20=99&21=101&22=105&26=119&28=124&35=136&36=159&37=173&38=209&39=212&41=217&42=226&43=229&45=231&46=234&48=236&49=239&51=241&59=244&60=248&66=260&67=262&68=266&69=272&70=275&72=277&73=282&74=285&76=293&77=294&78=296'
    return locals()
