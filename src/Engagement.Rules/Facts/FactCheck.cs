using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Facts;

/// <summary>Validation helpers shared by the fact types; every failure is a <see cref="FactValidationException"/>.</summary>
internal static partial class FactCheck
{
    public static FactValidationException Fail(string factType, string field, object? value, string problem, string expected)
        => new(factType, field, Text(value), $"{factType}.{field}: {problem} ('{Text(value) ?? "null"}'); expected {expected}.");

    public static string? Text(object? value) => value switch
    {
        null => null,
        LocalDate date => LocalDatePattern.Iso.Format(date),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>An id or other required text: not null, empty or whitespace.</summary>
    public static string Required(string? value, string factType, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Fail(factType, field, value, value is null ? "the value is missing" : "the value is empty", "a non-empty text");
        }

        return value;
    }

    /// <summary>Optional text: null, or not empty or whitespace.</summary>
    public static string? Optional(string? value, string factType, string field)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw Fail(factType, field, value, "the value is empty", "null (unknown) or a non-empty text");
        }

        return value;
    }

    public static TEnum Defined<TEnum>(TEnum value, string factType, string field)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw Fail(factType, field, value, $"the value is not a known {typeof(TEnum).Name}", "one of " + string.Join(", ", Enum.GetNames<TEnum>()));
        }

        return value;
    }

    public static TEnum? Defined<TEnum>(TEnum? value, string factType, string field)
        where TEnum : struct, Enum
        => value is { } v ? Defined(v, factType, field) : null;

    public static int AtLeast(int value, int minimum, string factType, string field)
    {
        if (value < minimum)
        {
            throw Fail(factType, field, value, string.Create(CultureInfo.InvariantCulture, $"the value is below {minimum}"), string.Create(CultureInfo.InvariantCulture, $"a whole number of at least {minimum}"));
        }

        return value;
    }

    public static int? AtLeast(int? value, int minimum, string factType, string field)
        => value is { } v ? AtLeast(v, minimum, factType, field) : null;

    public static int Between(int value, int minimum, int maximum, string factType, string field)
    {
        if (value < minimum || value > maximum)
        {
            throw Fail(factType, field, value, "the value is out of range", string.Create(CultureInfo.InvariantCulture, $"a whole number from {minimum} to {maximum}"));
        }

        return value;
    }

    public static decimal NotNegative(decimal value, string factType, string field)
    {
        if (value < 0m)
        {
            throw Fail(factType, field, value, "the value is negative", "zero or more");
        }

        return value;
    }

    public static decimal? NotNegative(decimal? value, string factType, string field)
        => value is { } v ? NotNegative(v, factType, field) : null;

    /// <summary>Checks that <paramref name="later"/> is not before <paramref name="earlier"/> (when both are known).</summary>
    public static void NotBefore(LocalDate? later, LocalDate? earlier, string factType, string laterField, string earlierField)
    {
        if (later is { } l && earlier is { } e && l < e)
        {
            throw Fail(factType, laterField, l, $"the date is before {earlierField} ({LocalDatePattern.Iso.Format(e)})", $"a date on or after {earlierField}");
        }
    }

    public static T NotNull<T>(T? value, string factType, string field)
        where T : class
        => value ?? throw Fail(factType, field, null, "the value is missing", $"a {typeof(T).Name}");

    /// <summary>A VIN that was parsed (not <c>default(Vin)</c>).</summary>
    public static Vin Vin(Vin value, string factType, string field)
    {
        if (value.IsEmpty)
        {
            throw Fail(factType, field, null, "the VIN is missing (default value)", "a VIN made with Vin.Parse");
        }

        return value;
    }

    public static Vin? Vin(Vin? value, string factType, string field)
        => value is { } v ? Vin(v, factType, field) : null;

    /// <summary>Copies a list into a read-only array so that the fact stays immutable whatever the caller does with its list.</summary>
    public static IReadOnlyList<T> Copy<T>(IEnumerable<T>? source, string factType, string field)
    {
        if (source is null)
        {
            throw Fail(factType, field, null, "the list is missing", "a list (possibly empty)");
        }

        var copy = new List<T>(source);
        for (var i = 0; i < copy.Count; i++)
        {
            if (copy[i] is null)
            {
                throw Fail(factType, $"{field}[{i}]", null, "the list holds a null item", "no null items");
            }
        }

        return copy.Count == 0 ? Array.Empty<T>() : Array.AsReadOnly(copy.ToArray());
    }

    /// <summary>An ISO 3166 region code as used across the facts: <c>US</c> or <c>US-TX</c> (upper-cased).</summary>
    public static string RegionCode(string? value, string factType, string field)
    {
        var text = Required(value, factType, field).ToUpperInvariant();
        if (!RegionCodePattern().IsMatch(text))
        {
            throw Fail(factType, field, value, "the value is not an ISO 3166 region code", "a country code, or a country and subdivision code, e.g. 'US' or 'US-TX'");
        }

        return text;
    }

    public static string? OptionalRegionCode(string? value, string factType, string field)
        => value is null ? null : RegionCode(value, factType, field);

    /// <summary>A zone id that must resolve in the TZDB provider.</summary>
    public static DateTimeZone KnownZone(string? value, string factType, string field)
    {
        var id = Required(value, factType, field);
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
            ?? throw Fail(factType, field, value, "the time zone is not in the TZDB database", "an IANA time zone id, e.g. 'America/Chicago'");
    }

    [GeneratedRegex("^[A-Z]{2}(-[A-Z0-9]{1,3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionCodePattern();
}
