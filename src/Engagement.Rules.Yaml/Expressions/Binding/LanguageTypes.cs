using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq.Expressions;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Yaml.Expressions.Binding;

/// <summary>
/// The CLR types the language can use, and how they are named to integrators. Anything else is invisible
/// to rule text: no reflection beyond public instance properties of these types is ever reachable.
/// </summary>
internal static class LanguageTypes
{
    private static readonly HashSet<Type> Scalars =
    [
        typeof(string), typeof(bool), typeof(int), typeof(long), typeof(decimal), typeof(double),
        typeof(LocalDate), typeof(LocalTime), typeof(Instant), typeof(AnnualDate), typeof(Period), typeof(Duration),
    ];

    /// <summary>
    /// Value types of the fact model that rule text sees as text (a VIN, a touch kind): compared, joined and
    /// rendered by their canonical text, which keeps joins on them hash-indexable member chains.
    /// </summary>
    private static readonly Dictionary<Type, string> TextValues = new()
    {
        [typeof(Vin)] = nameof(Vin.Value),
        [typeof(TouchKind)] = nameof(TouchKind.Name),
    };

    public static bool IsScalar(Type type) => Scalars.Contains(type) || type.IsEnum;

    /// <summary>Whether rule text sees values of this type as text (see <see cref="ReadAsText"/>).</summary>
    public static bool IsTextValue(Type type) => TextValues.ContainsKey(Nullable.GetUnderlyingType(type) ?? type);

    /// <summary>
    /// Reads a text-valued struct (e.g. <see cref="Vin"/>) as its text; a missing nullable one reads as a
    /// missing (null) text. Other expressions are returned unchanged.
    /// </summary>
    public static Expression ReadAsText(Expression value)
    {
        var underlying = Nullable.GetUnderlyingType(value.Type);
        if (!TextValues.TryGetValue(underlying ?? value.Type, out var property))
        {
            return value;
        }

        if (underlying is null)
        {
            return Expression.Property(value, property);
        }

        return Expression.Condition(
            Expression.Property(value, nameof(Nullable<int>.HasValue)),
            Expression.Property(Expression.Property(value, nameof(Nullable<int>.Value)), property),
            Expression.Constant(null, typeof(string)));
    }

    public static bool IsNumeric(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double);

    /// <summary>A list of scalars or records, <c>IReadOnlyList&lt;T&gt;</c>; its element type is returned.</summary>
    public static Type? ListElement(Type type)
    {
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IReadOnlyList<>))
        {
            return null;
        }

        var element = type.GetGenericArguments()[0];
        return IsScalar(element) || IsRecord(element) ? element : null;
    }

    /// <summary>
    /// A fact-like type of the host whose fields rule text may read: a class, or a value object (a struct
    /// such as a VIN), outside the platform's namespaces.
    /// </summary>
    public static bool IsRecord(Type type) =>
        (type.IsClass || (type.IsValueType && !type.IsEnum && !type.IsPrimitive && Nullable.GetUnderlyingType(type) is null))
        && type != typeof(string)
        && !type.IsGenericTypeDefinition
        && !type.IsPointer
        && !type.IsByRefLike
        && !typeof(Delegate).IsAssignableFrom(type)
        && !typeof(IEnumerable).IsAssignableFrom(type)
        && !IsPlatform(type.Namespace ?? string.Empty);

    /// <summary>Whether a field of this type can be used (nullable versions included).</summary>
    public static bool IsSupported(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return IsScalar(underlying) || IsTextValue(underlying) || ListElement(underlying) is not null || IsRecord(underlying);
    }

    /// <summary>The wider of two numeric types (int &lt; long &lt; decimal &lt; double).</summary>
    public static Type WiderNumeric(Type a, Type b) => Rank(a) >= Rank(b) ? a : b;

    /// <summary>Whether a value of <paramref name="from"/> converts to <paramref name="to"/> without loss of meaning.</summary>
    public static bool Widens(Type from, Type to) => IsNumeric(from) && IsNumeric(to) && Rank(from) <= Rank(to);

    public static string Describe(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Describe(underlying);
        }

        if (ListElement(type) is { } element)
        {
            return $"list of {Describe(element)}";
        }

        return type switch
        {
            _ when type == typeof(string) || IsTextValue(type) => "text",
            _ when type == typeof(bool) => "true/false",
            _ when type == typeof(int) || type == typeof(long) => "whole number",
            _ when type == typeof(decimal) || type == typeof(double) => "number",
            _ when type == typeof(LocalDate) => "date",
            _ when type == typeof(LocalTime) => "time of day",
            _ when type == typeof(Instant) => "instant",
            _ when type == typeof(AnnualDate) => "annual date",
            _ when type == typeof(Period) => "period",
            _ when type == typeof(Duration) => "duration",
            _ when type.IsEnum => $"{type.Name} (one of {string.Join(", ", Enum.GetNames(type))})",
            _ => type.Name,
        };
    }

    /// <summary>A short description for operator messages (enums by name only).</summary>
    public static string Short(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsEnum ? underlying.Name : Describe(underlying);
    }

    /// <summary>The short name with its article, for messages: "a date", "an instant", "an annual date".</summary>
    public static string WithArticle(Type type) => WithArticle(Short(type));

    /// <summary>A noun with its article: "an" before a vowel, "a" otherwise.</summary>
    public static string WithArticle(string noun) =>
        (noun.Length > 0 && "aeiouAEIOU".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;

    private static int Rank(Type type) =>
        type == typeof(int) ? 1 : type == typeof(long) ? 2 : type == typeof(decimal) ? 3 : type == typeof(double) ? 4 : 0;

    private static bool IsPlatform(string ns) =>
        ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) || ns == "NodaTime" || ns.StartsWith("NodaTime.", StringComparison.Ordinal)
        || ns == "Microsoft" || ns.StartsWith("Microsoft.", StringComparison.Ordinal);
}
