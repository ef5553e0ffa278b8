using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text;
using Engagement.Rules.Engine;

namespace Engagement.Rules.Chaining;

/// <summary>
/// A named fact one rule inserts for other rules to match (forward chaining), e.g. "warranty-offer-made" for a
/// customer and vehicle. Two signals with the same name, customer, vehicle and values are the same fact.
/// </summary>
public sealed record Signal : IFactIdentity
{
    private static readonly IReadOnlyDictionary<string, string> NoValues =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    private string? _key;

    /// <summary>Creates a signal.</summary>
    /// <param name="name">The signal's name, e.g. <c>warranty-offer-made</c>.</param>
    /// <param name="customerId">The customer the signal is about.</param>
    /// <param name="vin">The vehicle the signal is about, if any.</param>
    /// <param name="values">Values carried by the signal, by name (copied).</param>
    /// <exception cref="ArgumentException">The name or customer id is empty.</exception>
    public Signal(string name, string customerId, string? vin = null, IReadOnlyDictionary<string, string>? values = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        Name = name;
        CustomerId = customerId;
        Vin = vin;
        Values = values is null || values.Count == 0
            ? NoValues
            : new SignalValues(values);
    }

    /// <summary>The signal's name.</summary>
    public string Name { get; }

    /// <summary>The customer the signal is about.</summary>
    public string CustomerId { get; }

    /// <summary>The VIN of the vehicle the signal is about, if any.</summary>
    public string? Vin { get; }

    /// <summary>Values carried by the signal, by name, in ordinal order of the names.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Name, customer, vehicle and values: equal signals are one fact.</summary>
    public object FactIdentity => Key();

    /// <inheritdoc />
    public bool Equals(Signal? other) => other is not null && Key() == other.Key();

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key());

    /// <summary>The signal as people read it, e.g. <c>Signal high-mileage-driver (customer C-1, vehicle 1HG..., dailyDistance=80)</c>.</summary>
    /// <returns>The name, customer, vehicle (if any) and values (if any), in name order.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("Signal ").Append(Name).Append(" (customer ").Append(CustomerId);
        if (Vin is not null)
        {
            text.Append(", vehicle ").Append(Vin);
        }

        foreach (var value in Values)
        {
            text.Append(", ").Append(value.Key).Append('=').Append(value.Value);
        }

        return text.Append(')').ToString();
    }

    // The key is read for the signal's identity, hash and equality, and again to describe it in explanations:
    // built once (the signal is immutable; a race only builds the same text twice).
    private string Key() => _key ??= BuildKey();

    private string BuildKey()
    {
        // Length-prefixed parts, so that no choice of names or values can make two different signals collide.
        var key = new StringBuilder(Length(Name) + Length(CustomerId) + Length(Vin ?? string.Empty) + (Values.Count * 16));
        Append(key, Name);
        Append(key, CustomerId);
        Append(key, Vin ?? string.Empty);
        foreach (var value in Values)
        {
            Append(key, value.Key);
            Append(key, value.Value);
        }

        return key.ToString();
    }

    private static int Length(string part) => part.Length + 4;

    private static void Append(StringBuilder key, string part) =>
        key.Append(System.Globalization.CultureInfo.InvariantCulture, $"{part.Length}:").Append(part);
}
