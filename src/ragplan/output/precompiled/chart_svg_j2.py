"""chart.svg.j2, compiled by Jinja 3.1.6: made by `python -m ragplan.output.precompile`
from templates/chart.svg.j2; do not edit."""

SOURCE_SHA1 = "2adfd9cbd97fdb73dac9374e5c5ec5619c501128"


def load(environment):
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'chart.svg.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_drawing = resolve('drawing')
        l_0_d = l_0_swatch = l_0_text = missing
        pass
        l_0_d = (undefined(name='drawing') if l_0_drawing is missing else l_0_drawing)
        context.vars['d'] = l_0_d
        context.exported_vars.add('d')
        yield '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="'
        yield escape(environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'id'))
        yield '-title" class="chart" width="'
        yield escape(environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'width'))
        yield '" height="'
        yield escape(environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'height'))
        yield '" viewBox="0 0 '
        yield escape(environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'width'))
        yield ' '
        yield escape(environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'height'))
        yield '" font-family="Arial, Helvetica, sans-serif" font-size="13" fill="'
        yield escape(environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'ink'))
        yield '">\n<title id="'
        yield escape(environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'id'))
        yield '-title">'
        yield escape(environment.getattr(environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'chart'), 'alt'))
        yield '</title>\n<defs>\n'
        def t_1(fiter):
            for l_1_p in fiter:
                if (environment.getattr(l_1_p, 'kind') != 'solid'):
                    yield l_1_p
        for l_1_p in t_1(environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'patterns')):
            _loop_vars = {}
            pass
            yield '<pattern id="'
            yield escape(environment.getattr(l_1_p, 'id'))
            yield '" width="6" height="6" patternUnits="userSpaceOnUse"'
            if (environment.getattr(l_1_p, 'kind') == 'diagonal'):
                pass
                yield ' patternTransform="rotate(45)"'
            elif (environment.getattr(l_1_p, 'kind') == 'back-diagonal'):
                pass
                yield ' patternTransform="rotate(-45)"'
            yield '>\n'
            if (environment.getattr(l_1_p, 'kind') in ('diagonal', 'back-diagonal', 'vertical')):
                pass
                yield '<line x1="1" y1="0" x2="1" y2="6" stroke="'
                yield escape(environment.getattr(l_1_p, 'ink'))
                yield '" stroke-width="1.5"/>\n'
            elif (environment.getattr(l_1_p, 'kind') == 'horizontal'):
                pass
                yield '<line x1="0" y1="1" x2="6" y2="1" stroke="'
                yield escape(environment.getattr(l_1_p, 'ink'))
                yield '" stroke-width="1.5"/>\n'
            elif (environment.getattr(l_1_p, 'kind') == 'dots'):
                pass
                yield '<circle cx="3" cy="3" r="1.3" fill="'
                yield escape(environment.getattr(l_1_p, 'ink'))
                yield '"/>\n'
            else:
                pass
                yield '<path d="M0 0L6 6M6 0L0 6" stroke="'
                yield escape(environment.getattr(l_1_p, 'ink'))
                yield '" stroke-width="1"/>\n'
            yield '</pattern>\n'
        l_1_p = missing
        yield '</defs>\n'
        def macro(l_1_x, l_1_y, l_1_w, l_1_h, l_1_p):
            t_2 = []
            if l_1_x is missing:
                l_1_x = undefined("parameter 'x' was not provided", name='x')
            if l_1_y is missing:
                l_1_y = undefined("parameter 'y' was not provided", name='y')
            if l_1_w is missing:
                l_1_w = undefined("parameter 'w' was not provided", name='w')
            if l_1_h is missing:
                l_1_h = undefined("parameter 'h' was not provided", name='h')
            if l_1_p is missing:
                l_1_p = undefined("parameter 'p' was not provided", name='p')
            pass
            t_2.extend((
                '<rect x="',
                escape(l_1_x),
                '" y="',
                escape(l_1_y),
                '" width="',
                escape(l_1_w),
                '" height="',
                escape(l_1_h),
                '" fill="',
                escape(environment.getattr(l_1_p, 'colour')),
                '"/>\n',
            ))
            if (environment.getattr(l_1_p, 'kind') != 'solid'):
                pass
                t_2.extend((
                    '<rect x="',
                    escape(l_1_x),
                    '" y="',
                    escape(l_1_y),
                    '" width="',
                    escape(l_1_w),
                    '" height="',
                    escape(l_1_h),
                    '" fill="url(#',
                    escape(environment.getattr(l_1_p, 'id')),
                    ')"/>\n',
                ))
            return concat(t_2)
        context.exported_vars.add('swatch')
        context.vars['swatch'] = l_0_swatch = Macro(environment, macro, 'swatch', ('x', 'y', 'w', 'h', 'p'), False, False, False, context.eval_ctx.autoescape)
        def macro(l_1_label):
            t_3 = []
            if l_1_label is missing:
                l_1_label = undefined("parameter 'label' was not provided", name='label')
            pass
            if environment.getattr(l_1_label, 'box'):
                pass
                t_3.extend((
                    '<rect x="',
                    escape(environment.getitem(environment.getattr(l_1_label, 'box'), 0)),
                    '" y="',
                    escape(environment.getitem(environment.getattr(l_1_label, 'box'), 1)),
                    '" width="',
                    escape(environment.getitem(environment.getattr(l_1_label, 'box'), 2)),
                    '" height="',
                    escape(environment.getitem(environment.getattr(l_1_label, 'box'), 3)),
                    '" fill="#ffffff"/>\n',
                ))
            t_3.extend((
                '<text x="',
                escape(environment.getattr(l_1_label, 'x')),
                '" y="',
                escape(environment.getattr(l_1_label, 'y')),
                '"',
            ))
            if (environment.getattr(l_1_label, 'anchor') != 'start'):
                pass
                t_3.extend((
                    ' text-anchor="',
                    escape(environment.getattr(l_1_label, 'anchor')),
                    '"',
                ))
            t_3.append(
                '>',
            )
            l_2_loop = missing
            for l_2_line, l_2_loop in LoopContext(environment.getattr(l_1_label, 'lines'), undefined):
                _loop_vars = {}
                pass
                t_3.extend((
                    '<tspan x="',
                    escape(environment.getattr(l_1_label, 'x')),
                    '"',
                ))
                if (not environment.getattr(l_2_loop, 'first')):
                    pass
                    t_3.extend((
                        ' dy="',
                        escape(environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'line_height')),
                        '"',
                    ))
                t_3.extend((
                    '>',
                    escape(l_2_line),
                    '</tspan>',
                ))
            l_2_loop = l_2_line = missing
            t_3.append(
                '</text>\n',
            )
            return concat(t_3)
        context.exported_vars.add('text')
        context.vars['text'] = l_0_text = Macro(environment, macro, 'text', ('label',), False, False, False, context.eval_ctx.autoescape)
        yield '<g stroke="'
        yield escape(environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'axis_colour'))
        yield '" stroke-width="0.5" stroke-dasharray="2 3">\n'
        for (l_1_x1, l_1_y1, l_1_x2, l_1_y2) in environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'grid'):
            _loop_vars = {}
            pass
            yield '<line x1="'
            yield escape(l_1_x1)
            yield '" y1="'
            yield escape(l_1_y1)
            yield '" x2="'
            yield escape(l_1_x2)
            yield '" y2="'
            yield escape(l_1_y2)
            yield '"/>\n'
        l_1_x1 = l_1_y1 = l_1_x2 = l_1_y2 = missing
        yield '</g>\n'
        for l_1_s in environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'segments'):
            _loop_vars = {}
            pass
            yield '<g>\n<title>'
            yield escape(environment.getattr(l_1_s, 'tip'))
            yield '</title>\n'
            yield escape(context.call((undefined(name='swatch') if l_0_swatch is missing else l_0_swatch), environment.getattr(l_1_s, 'x'), environment.getattr(l_1_s, 'y'), environment.getattr(l_1_s, 'width'), environment.getattr(l_1_s, 'height'), environment.getattr(l_1_s, 'pattern'), _loop_vars=_loop_vars))
            yield '\n<rect x="'
            yield escape(environment.getattr(l_1_s, 'x'))
            yield '" y="'
            yield escape(environment.getattr(l_1_s, 'y'))
            yield '" width="'
            yield escape(environment.getattr(l_1_s, 'width'))
            yield '" height="'
            yield escape(environment.getattr(l_1_s, 'height'))
            yield '" fill="none" stroke="'
            yield escape(environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'ink'))
            yield '" stroke-width="1"/>\n'
            if environment.getattr(l_1_s, 'text'):
                pass
                yield '<rect x="'
                yield escape(environment.getitem(environment.getattr(l_1_s, 'text_box'), 0))
                yield '" y="'
                yield escape(environment.getitem(environment.getattr(l_1_s, 'text_box'), 1))
                yield '" width="'
                yield escape(environment.getitem(environment.getattr(l_1_s, 'text_box'), 2))
                yield '" height="'
                yield escape(environment.getitem(environment.getattr(l_1_s, 'text_box'), 3))
                yield '" fill="'
                yield escape(environment.getattr(environment.getattr(l_1_s, 'pattern'), 'colour'))
                yield '"/>\n<text x="'
                yield escape(environment.getattr(l_1_s, 'text_x'))
                yield '" y="'
                yield escape(environment.getattr(l_1_s, 'text_y'))
                yield '" text-anchor="middle" fill="'
                yield escape(environment.getattr(environment.getattr(l_1_s, 'pattern'), 'ink'))
                yield '">'
                yield escape(environment.getattr(l_1_s, 'text'))
                yield '</text>\n'
            yield '</g>\n'
        l_1_s = missing
        yield '<g stroke="'
        yield escape(environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'axis_colour'))
        yield '" stroke-width="1">\n'
        for (l_1_x1, l_1_y1, l_1_x2, l_1_y2) in environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'axis'):
            _loop_vars = {}
            pass
            yield '<line x1="'
            yield escape(l_1_x1)
            yield '" y1="'
            yield escape(l_1_y1)
            yield '" x2="'
            yield escape(l_1_x2)
            yield '" y2="'
            yield escape(l_1_y2)
            yield '"/>\n'
        l_1_x1 = l_1_y1 = l_1_x2 = l_1_y2 = missing
        yield '</g>\n'
        for l_1_label in environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'labels'):
            _loop_vars = {}
            pass
            yield escape(context.call((undefined(name='text') if l_0_text is missing else l_0_text), l_1_label, _loop_vars=_loop_vars))
            yield '\n'
        l_1_label = missing
        for l_1_entry in environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'legend'):
            _loop_vars = {}
            pass
            yield escape(context.call((undefined(name='swatch') if l_0_swatch is missing else l_0_swatch), environment.getattr(l_1_entry, 'x'), environment.getattr(l_1_entry, 'y'), 14, 14, environment.getattr(l_1_entry, 'pattern'), _loop_vars=_loop_vars))
            yield '\n<rect x="'
            yield escape(environment.getattr(l_1_entry, 'x'))
            yield '" y="'
            yield escape(environment.getattr(l_1_entry, 'y'))
            yield '" width="14" height="14" fill="none" stroke="'
            yield escape(environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'ink'))
            yield '" stroke-width="1"/>\n'
            yield escape(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_1_entry, 'label'), _loop_vars=_loop_vars))
            yield '\n'
        l_1_entry = missing
        yield '</svg>\n'

    blocks = {}
    debug_info = '5=13&6=17&7=29&9=33&10=41&11=50&12=53&13=55&14=58&15=60&16=63&18=68&23=73&24=88&25=99&26=103&29=117&30=122&31=126&33=137&35=181&36=183&37=187&40=197&42=201&43=203&44=205&45=215&46=218&47=228&51=239&52=241&53=245&56=255&57=258&59=261&60=264&61=266&62=272'
    return locals()
