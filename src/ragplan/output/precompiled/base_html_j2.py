"""base.html.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/base.html.j2; do not edit."""

SOURCE_SHA1 = "0f4ea0e2274e5e68f2d6a5a157c895da3b71cf4c"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'base.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_self = TemplateReference(context)
        l_0_embedded = resolve('embedded')
        pass
        if (undefined(name='embedded') if l_0_embedded is missing else l_0_embedded):
            pass
            yield '<section class="embedded '
            yield escape(context.call(environment.getattr(l_0_self, 'page')))
            yield '">\n'
            yield escape(context.call(environment.getattr(l_0_self, 'body')))
            yield '\n</section>\n'
        else:
            pass
            yield '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
            yield from context.blocks['title'][0](context)
            yield '</title>\n<style>\n  body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 2em; line-height: 1.4; overflow-wrap: break-word; }\n  h1 { font-size: 1.6em; }\n  h2 { font-size: 1.3em; margin-top: 1.6em; }\n  h3 { font-size: 1.1em; }\n  table { border-collapse: collapse; width: 100%; margin: 1em 0; }\n  caption { text-align: left; font-weight: bold; padding: 0.3em 0; }\n  th, td { border: 1px solid #505a5f; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }\n  thead th { background: #f3f2f1; }\n  tbody th { font-weight: normal; }\n  td.number, th.number { text-align: right; }\n  .rag { font-weight: bold; }\n  span.rag { padding: 0 0.2em; }\n  .overdue { font-weight: bold; text-transform: uppercase; font-size: 0.85em; }\n  tfoot th, tfoot td { font-weight: bold; }\n  .lead { color: #505a5f; }\n  .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }\n  figure { margin: 1em 0; }\n  figcaption { margin-top: 0.3em; }\n  svg.chart { max-width: 100%; height: auto; }\n  /* Appendix B: every table has the same columns, at the same widths. */\n  .ragplan-outstanding table { table-layout: fixed; }\n  .ragplan-outstanding table.key { table-layout: auto; }\n  table.key th.rag { font-weight: bold; }\n  col.lead-body { width: 8%; } col.ref { width: 7%; } col.summary { width: 33%; }\n  col.lead-officer { width: 12%; } col.rag { width: 9%; } col.new { width: 5%; } col.notes { width: 31%; }\n  .since col.summary { width: 26%; } .since col.notes { width: 26%; }\n  /* A board paper: its cover sheet set apart, each appendix well below what precedes it. */\n  .cover { border-bottom: 1px solid #505a5f; margin-bottom: 2em; padding-bottom: 1em; }\n  .title-block p { margin: 0.2em 0; }\n  .appendix { margin-top: 3em; }\n  @media screen {\n    /* On a narrow screen a table scrolls inside its own region; the page does not. */\n    .table-scroll { overflow-x: auto; margin: 1em 0; }\n    .table-scroll:focus { outline: 3px solid #ffdd00; }\n    .table-scroll > table { margin: 0; min-width: 36em; }\n    .table-scroll > svg.chart { display: block; min-width: 32em; }\n    .ragplan-outstanding .table-scroll > table:not(.key) { min-width: 56em; }\n  }\n  @media print {\n    body { margin: 0; font-size: 10pt; }\n    h2, h3 { break-after: avoid; }\n    tr { break-inside: avoid; }\n    thead { display: table-header-group; }\n    /* Print the RAG backgrounds: the word is there too, for printers that will not. */\n    .rag { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n  }\n</style>\n</head>\n<body class="'
            yield from context.blocks['page'][0](context)
            yield '">\n<main>\n'
            yield from context.blocks['body'][0](context)
            yield '</main>\n</body>\n</html>\n'

    def block_title(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_title = resolve('title')
        pass
        yield escape((undefined(name='title') if l_0_title is missing else l_0_title))

    def block_page(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass

    def block_body(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass

    blocks = {'title': block_title, 'page': block_page, 'body': block_body}
    debug_info = '6=13&7=16&8=18&16=23&66=25&68=27&16=30&66=41&68=50'
    return locals()
