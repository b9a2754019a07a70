"""history.txt.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/history.txt.j2; do not edit."""

SOURCE_SHA1 = "0bd87ac03b162a468377e26715c63b4d05786760"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'history.txt.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        pass
        parent_template = environment.get_template('tables.txt.j2', 'history.txt.j2')
        for name, parent_block in parent_template.blocks.items():
            context.blocks.setdefault(name, []).append(parent_block)
        yield from parent_template.root_render_func(context)

    blocks = {}
    debug_info = '2=12'
    return locals()
