using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Network;

/// <summary>
/// The sum, min or max of an aggregate node over the values its selector picks, one per aggregated fact. The values
/// are kept unboxed in a typed list per left token (<see cref="AggregateValues"/>) and compared with the type's own
/// comparer (text ordinally, see <see cref="AggregateCalculator{T}"/>): a date or an amount selected from every repair
/// order costs no allocation, only the result is boxed.
/// </summary>
internal abstract class AggregateCalculator
{
    /// <summary>The calculator for a selector of type <paramref name="valueType"/>, given as <c>Func&lt;object, valueType&gt;</c>.</summary>
    public static AggregateCalculator Create(Type valueType, Delegate selector) =>
        (AggregateCalculator)Activator.CreateInstance(typeof(AggregateCalculator<>).MakeGenericType(valueType), selector)!;

    /// <summary>Whether <paramref name="values"/> holds values of this calculator's type.</summary>
    public abstract bool Fits(AggregateValues values);

    /// <summary>An empty values list of this calculator's type.</summary>
    public abstract AggregateValues NewValues();

    /// <summary>Selects the fact's value and inserts it at <paramref name="index"/>; the selector runs before anything changes.</summary>
    public abstract void Insert(AggregateValues values, int index, object fact);

    /// <summary>Computes the value; false when the kind has no result for these values (min/max of nothing).</summary>
    public abstract bool TryCompute(AggregateKind kind, AggregateValues values, out object? value);
}

/// <summary>The selected values of one left token of an aggregate node, in the order of its aggregated facts.</summary>
internal abstract class AggregateValues
{
    public abstract void RemoveAt(int index);

    public abstract void Clear();
}

/// <summary>Values of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The selector's type.</typeparam>
internal sealed class AggregateValues<T> : AggregateValues
{
    public List<T> Items { get; } = new();

    public override void RemoveAt(int index) => Items.RemoveAt(index);

    public override void Clear() => Items.Clear();
}

/// <summary>Sum, min and max over values of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The selector's type.</typeparam>
internal sealed class AggregateCalculator<T> : AggregateCalculator
{
    // Text is ordered ordinally, never by the current culture: the result must not depend on the host's culture
    // (under en-US 'Banana' > 'apple', ordinally 'apple' > 'Banana'), and rule languages compare text ordinally.
    private static readonly IComparer<T> Order = typeof(T) == typeof(string)
        ? (IComparer<T>)(object)StringComparer.Ordinal
        : Comparer<T>.Default;

    private readonly Func<object, T> _selector;
    private readonly Func<List<T>, object>? _sum;

    public AggregateCalculator(Func<object, T> selector)
    {
        _selector = selector;
        _sum = SumFunction();
    }

    public override bool Fits(AggregateValues values) => values is AggregateValues<T>;

    public override AggregateValues NewValues() => new AggregateValues<T>();

    public override void Insert(AggregateValues values, int index, object fact)
    {
        var value = _selector(fact);
        ((AggregateValues<T>)values).Items.Insert(index, value);
    }

    public override bool TryCompute(AggregateKind kind, AggregateValues values, out object? value)
    {
        var items = ((AggregateValues<T>)values).Items;
        if (kind == AggregateKind.Sum)
        {
            value = _sum!(items);
            return true;
        }

        if (items.Count == 0)
        {
            value = null;
            return false;
        }

        // Ties keep the earliest fact; null (of a nullable type) sorts first, as the non-generic comparer does.
        var comparer = Order;
        var best = items[0];
        for (var i = 1; i < items.Count; i++)
        {
            var c = comparer.Compare(items[i], best);
            if (kind == AggregateKind.Min ? c < 0 : c > 0)
            {
                best = items[i];
            }
        }

        value = best;
        return true;
    }

    /// <summary>The sum for a summable <typeparamref name="T"/> (see <see cref="AggregateSpec.IsSummable"/>); null otherwise.</summary>
    private static Func<List<T>, object>? SumFunction()
    {
        if (!AggregateSpec.IsSummable(typeof(T)))
        {
            return null;
        }

        var underlying = Nullable.GetUnderlyingType(typeof(T));
        var method = underlying is null ? nameof(Sums.Of) : nameof(Sums.OfNullable);
        return typeof(Sums).GetMethod(method)!.MakeGenericMethod(underlying ?? typeof(T)).CreateDelegate<Func<List<T>, object>>();
    }
}

/// <summary>
/// Sums in fact order (so a float or double sum is the same whatever the delivery order); null counts as zero. Whole
/// numbers are added checked: an overflow throws <see cref="OverflowException"/> (reported as the rule's condition
/// failure) instead of wrapping around. Float and double fail the same way when finite values add up to Infinity
/// (checked addition does not throw for them), as a rule expression's double arithmetic does; a non-finite value
/// handed in by the host stays the host's choice and is added as IEEE does.
/// </summary>
internal static class Sums
{
    public static object Of<TNumber>(List<TNumber> values)
        where TNumber : struct, INumber<TNumber>
    {
        var sum = TNumber.Zero;
        foreach (var value in values)
        {
            sum = Add(sum, value);
        }

        return sum;
    }

    public static object OfNullable<TNumber>(List<TNumber?> values)
        where TNumber : struct, INumber<TNumber>
    {
        var sum = TNumber.Zero;
        foreach (var value in values)
        {
            sum = Add(sum, value.GetValueOrDefault());
        }

        return sum;
    }

    // IsFinite is constant true for whole numbers and decimal, so for them this is only the checked addition.
    private static TNumber Add<TNumber>(TNumber sum, TNumber value)
        where TNumber : struct, INumber<TNumber>
    {
        var result = checked(sum + value);
        return TNumber.IsFinite(result) || !TNumber.IsFinite(sum) || !TNumber.IsFinite(value)
            ? result
            : throw new OverflowException(
                $"The sum is too large for a number: {Text(sum)} + {Text(value)} is {Text(result)}.");
    }

    private static string Text<TNumber>(TNumber value)
        where TNumber : struct, INumber<TNumber> => value.ToString(null, CultureInfo.InvariantCulture);
}
