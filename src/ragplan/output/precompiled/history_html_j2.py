"""history.html.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/history.html.j2; do not edit."""

SOURCE_SHA1 = "4418193544ba264456b330e987a7f27595dc3367"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'history.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        pass
        parent_template = environment.get_template('tables.html.j2', 'history.html.j2')
        for name, parent_block in parent_template.blocks.items():
            context.blocks.setdefault(name, []).append(parent_block)
        yield from parent_template.root_render_func(context)

    def block_figure(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_column_drawing = resolve('column_drawing')
        l_0_chart = resolve('chart')
        l_0_drawing = missing
        pass
        yield '<figure>\n'
        l_0_drawing = context.call((undefined(name='column_drawing') if l_0_column_drawing is missing else l_0_column_drawing), (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'history-chart', _block_vars=_block_vars)
        _block_vars['drawing'] = l_0_drawing
        yield '<div class="table-scroll" role="region" aria-labelledby="'
        yield escape(environment.getattr((undefined(name='drawing') if l_0_drawing is missing else l_0_drawing), 'id'))
        yield '-caption" tabindex="0">\n'
        template = environment.get_template('chart.svg.j2', 'history.html.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'drawing': l_0_drawing}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '</div>\n<figcaption id="'
        yield escape(environment.getattr((undefined(name='drawing') if l_0_drawing is missing else l_0_drawing), 'id'))
        yield '-caption">'
        yield escape(environment.getattr((undefined(name='chart') if l_0_chart is missing else l_0_chart), 'caption'))
        yield '</figcaption>\n</figure>\n'

    blocks = {'figure': block_figure}
    debug_info = '2=12&3=17&5=29&6=32&7=34&9=41'
    return locals()
