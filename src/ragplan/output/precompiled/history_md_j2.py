"""history.md.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/history.md.j2; do not edit."""

SOURCE_SHA1 = "51a83ce2aed0e8db4451dbaad1e47b8d3fd7e8ce"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'history.md.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        pass
        parent_template = environment.get_template('tables.md.j2', 'history.md.j2')
        for name, parent_block in parent_template.blocks.items():
            context.blocks.setdefault(name, []).append(parent_block)
        yield from parent_template.root_render_func(context)

    blocks = {}
    debug_info = '2=12'
    return locals()
