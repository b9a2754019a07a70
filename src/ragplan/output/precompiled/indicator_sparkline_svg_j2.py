"""indicator-sparkline.svg.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/indicator-sparkline.svg.j2; do not edit."""

SOURCE_SHA1 = "915e3ec2cc431ea79d55ccfd595c5d48098238a5"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'indicator-sparkline.svg.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_spark = resolve('spark')
        try:
            t_1 = environment.filters['length']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'length' found.")
        try:
            t_2 = environment.tests['none']
        except KeyError:
            @internalcode
            def t_2(*unused):
                raise TemplateRuntimeError("No test named 'none' found.")
        pass
        yield '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="'
        yield escape(environment.getattr((undefined(name='spark') if l_0_spark is missing else l_0_spark), 'text'))
        yield '" width="'
        yield escape(environment.getattr((undefined(name='spark') if l_0_spark is missing else l_0_spark), 'width'))
        yield '" height="'
        yield escape(environment.getattr((undefined(name='spark') if l_0_spark is missing else l_0_spark), 'height'))
        yield '" viewBox="0 0 '
        yield escape(environment.getattr((undefined(name='spark') if l_0_spark is missing else l_0_spark), 'width'))
        yield ' '
        yield escape(environment.getattr((undefined(name='spark') if l_0_spark is missing else l_0_spark), 'height'))
        yield '"><title>'
        yield escape(environment.getattr((undefined(name='spark') if l_0_spark is missing else l_0_spark), 'text'))
        yield '</title>\n'
        if (not t_2(environment.getattr((undefined(name='spark') if l_0_spark is missing else l_0_spark), 'target_y'))):
            pass
            yield '<line x1="0" y1="'
            yield escape(environment.getattr((undefined(name='spark') if l_0_spark is missing else l_0_spark), 'target_y'))
            yield '" x2="'
            yield escape(environment.getattr((undefined(name='spark') if l_0_spark is missing else l_0_spark), 'width'))
            yield '" y2="'
            yield escape(environment.getattr((undefined(name='spark') if l_0_spark is missing else l_0_spark), 'target_y'))
            yield '" stroke="#505a5f" stroke-width="1" stroke-dasharray="3 2"/>\n'
        if (t_1(environment.getattr((undefined(name='spark') if l_0_spark is missing else l_0_spark), 'points')) > 1):
            pass
            yield '<polyline points="'
            l_1_loop = missing
            for (l_1_x, l_1_y), l_1_loop in LoopContext(environment.getattr((undefined(name='spark') if l_0_spark is missing else l_0_spark), 'points'), undefined):
                _loop_vars = {}
                pass
                yield escape(l_1_x)
                yield ','
                yield escape(l_1_y)
                yield escape((' ' if (not environment.getattr(l_1_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 7 in 'indicator-sparkline.svg.j2' evaluated to false and no else section was defined.")))
            l_1_loop = l_1_x = l_1_y = missing
            yield '" fill="none" stroke="#0b0c0c" stroke-width="1.5"/>\n'
        if environment.getattr((undefined(name='spark') if l_0_spark is missing else l_0_spark), 'dot'):
            pass
            yield '<circle cx="'
            yield escape(environment.getitem(environment.getattr((undefined(name='spark') if l_0_spark is missing else l_0_spark), 'dot'), 0))
            yield '" cy="'
            yield escape(environment.getitem(environment.getattr((undefined(name='spark') if l_0_spark is missing else l_0_spark), 'dot'), 1))
            yield '" r="3" fill="'
            yield escape(environment.getattr((undefined(name='spark') if l_0_spark is missing else l_0_spark), 'colour'))
            yield '" stroke="#0b0c0c" stroke-width="0.5"/>\n'
        yield '</svg>\n'

    blocks = {}
    debug_info = '2=25&3=37&4=40&6=46&7=50&9=59&10=62'
    return locals()
