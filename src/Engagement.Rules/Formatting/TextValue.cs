using System;
using NodaTime;

namespace Engagement.Rules.Formatting;

/// <summary>
/// A date, local time or instant written as <see cref="Text"/> writes it, for interpolated explanations: the
/// interpolation writes the digits straight into the message instead of first making a string of them.
/// </summary>
internal readonly struct TextValue : ISpanFormattable
{
    private readonly LocalDateTime _local;
    private readonly Instant _instant;
    private readonly Kind _kind;

    private TextValue(LocalDateTime local, Instant instant, Kind kind)
    {
        _local = local;
        _instant = instant;
        _kind = kind;
    }

    private enum Kind
    {
        Date,
        Local,
        Instant,
    }

    public static TextValue Date(LocalDate value) => new(value.AtMidnight(), default, Kind.Date);

    public static TextValue Local(LocalDateTime value) => new(value, default, Kind.Local);

    public static TextValue Local(Instant value, DateTimeZone zone) => new(value.InZone(zone).LocalDateTime, default, Kind.Local);

    public static TextValue Instant(Instant value) => new(value.InUtc().LocalDateTime, value, Kind.Instant);

    public override string ToString() => _kind switch
    {
        Kind.Date => IsoText.Date(_local.Date),
        Kind.Local => Text.Local(_local),
        _ => IsoText.Instant(_instant),
    };

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var length = _kind switch
        {
            Kind.Date => 10,
            Kind.Local => 16,
            _ => 20,
        };
        var simple = IsoText.IsSimple(_local.Date) && (_kind != Kind.Instant || _local.NanosecondOfSecond == 0);
        if (!simple)
        {
            // The rare forms (signed or non-ISO years, fractions of a second) go through the patterns.
            var text = ToString();
            charsWritten = text.Length <= destination.Length ? text.Length : 0;
            return text.AsSpan().TryCopyTo(destination);
        }

        if (destination.Length < length)
        {
            charsWritten = 0;
            return false;
        }

        IsoText.WriteDate(destination, _local.Date);
        if (_kind != Kind.Date)
        {
            destination[10] = _kind == Kind.Local ? ' ' : 'T';
            IsoText.WriteTime(destination[11..], _local, seconds: _kind == Kind.Instant);
            if (_kind == Kind.Instant)
            {
                destination[19] = 'Z';
            }
        }

        charsWritten = length;
        return true;
    }
}
