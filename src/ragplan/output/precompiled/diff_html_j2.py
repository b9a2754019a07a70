"""diff.html.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/diff.html.j2; do not edit."""

SOURCE_SHA1 = "7369f96c14500a44e36b52664d1fe3cf1c275f57"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'diff.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        pass
        parent_template = environment.get_template('tables.html.j2', 'diff.html.j2')
        for name, parent_block in parent_template.blocks.items():
            context.blocks.setdefault(name, []).append(parent_block)
        yield from parent_template.root_render_func(context)

    blocks = {}
    debug_info = '2=12'
    return locals()
