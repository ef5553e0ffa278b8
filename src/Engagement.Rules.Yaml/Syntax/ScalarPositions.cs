using System;
using Engagement.Rules.Yaml.Diagnostics;
using YamlDotNet.Core;

namespace Engagement.Rules.Yaml.Syntax;

/// <summary>
/// Where each character of a scalar's value is in its file, so that a problem found at an offset of an
/// expression is reported at the right line and column even when the scalar is a block scalar, spans lines,
/// or has escapes. The map is built on first use (only scalars with a problem need one); when the raw text
/// cannot be mapped exactly, every offset is reported at the value's start rather than at a wrong place.
/// </summary>
internal sealed class ScalarPositions
{
    private readonly SourceLocation _origin;
    private readonly Mapping? _mapping;
    private readonly int _offset;

    private ScalarPositions(SourceLocation origin, Mapping? mapping, int offset)
    {
        _origin = origin;
        _mapping = mapping;
        _offset = offset;
    }

    /// <summary>Positions of text that is not read from a file: offsets count along one line from <paramref name="origin"/>.</summary>
    public static ScalarPositions At(SourceLocation origin) => new(origin, null, 0);

    /// <summary>Positions of a scalar of <paramref name="source"/>.</summary>
    /// <param name="source">The file.</param>
    /// <param name="start">The index of the scalar's first character (its quote or block indicator, if any).</param>
    /// <param name="style">How the scalar is written.</param>
    /// <param name="value">The value the parser produced.</param>
    /// <param name="origin">Where the value is reported when it cannot be mapped exactly.</param>
    public static ScalarPositions InFile(SourceText source, int start, ScalarStyle style, string value, SourceLocation origin) =>
        new(origin, new Mapping(source, start, style, value), 0);

    /// <summary>The file location of the value's character at <paramref name="offset"/> (or just after the value's end).</summary>
    public SourceLocation Locate(int offset)
    {
        offset = Math.Max(0, offset);
        if (_mapping is null)
        {
            return _origin.Shift(offset);
        }

        return _mapping.Locate(_offset + offset) ?? _origin;
    }

    /// <summary>The positions of the part of the value that starts at <paramref name="offset"/>.</summary>
    public ScalarPositions From(int offset) =>
        _mapping is null ? At(Locate(offset)) : new ScalarPositions(_origin, _mapping, _offset + Math.Max(0, offset));

    /// <summary>One scalar's map, shared by the positions of its parts and built once.</summary>
    private sealed class Mapping
    {
        private readonly SourceText _source;
        private readonly int _start;
        private readonly ScalarStyle _style;
        private readonly string _value;
        private int[]? _indexes;
        private bool _built;

        public Mapping(SourceText source, int start, ScalarStyle style, string value)
        {
            _source = source;
            _start = start;
            _style = style;
            _value = value;
        }

        public SourceLocation? Locate(int offset)
        {
            if (!_built)
            {
                _indexes = ScalarSourceScanner.Map(_source.Text, _start, _style, _value);
                _built = true;
            }

            return _indexes is null ? null : _source.Locate(_indexes[Math.Min(offset, _indexes.Length - 1)]);
        }
    }
}
