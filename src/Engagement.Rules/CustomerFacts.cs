using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Facts;
using Engagement.Rules.Policies.Pipeline;
using CustomerFact = Engagement.Rules.Facts.Customer;
using DealershipFact = Engagement.Rules.Facts.Dealership;

namespace Engagement.Rules;

/// <summary>
/// Everything known about one customer for one evaluation: the customer, their dealership, and the other facts
/// (vehicles, repair orders, consents history, touches sent...). Every fact must belong to this customer or to
/// one of their vehicles; shared facts without a customer or vehicle (owner events, weather) are allowed.
/// </summary>
public sealed class CustomerFacts
{
    private static readonly string[] OwnerProperties = ["CustomerId", "OwnerCustomerId", "ReferrerCustomerId"];
    private static readonly ConcurrentDictionary<Type, Func<object, (string? Customer, string? Vin)>> Owners = new();

    private readonly FactList _facts;

    /// <summary>Creates and validates a customer's facts.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="dealership">The customer's dealership.</param>
    /// <param name="facts">The other facts.</param>
    /// <exception cref="ArgumentException">
    /// A fact is null, belongs to another customer or vehicle, has the identity of another, is of a type the evaluator
    /// inserts itself, or (a host fact type) throws when its identity, customer id or VIN is read; the message names the fact.
    /// </exception>
    public CustomerFacts(Customer customer, Dealership dealership, IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(dealership);
        ArgumentNullException.ThrowIfNull(facts);
        var list = facts.ToArray();
        Validate(customer, list);
        Customer = customer;
        Dealership = dealership;
        _facts = new FactList(list);
    }

    /// <summary>The customer.</summary>
    public Customer Customer { get; }

    /// <summary>The customer's dealership.</summary>
    public Dealership Dealership { get; }

    /// <summary>The other facts, in the order given.</summary>
    public IReadOnlyList<object> Facts => _facts;

    /// <summary>The other facts as an array, for the evaluator's own reading; not to be changed.</summary>
    internal object[] FactArray => _facts.Array;

    /// <summary>Returns these facts with more facts appended (validated the same way).</summary>
    /// <param name="more">The facts to add.</param>
    /// <returns>The new facts.</returns>
    public CustomerFacts With(IEnumerable<object> more) => new(Customer, Dealership, Facts.Concat(more));

    private static void Validate(Customer customer, object[] facts)
    {
        var id = customer.CustomerId;
        var vins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var identities = new Dictionary<object, int>();
        for (var i = 0; i < facts.Length; i++)
        {
            var fact = facts[i] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Facts[{i}] of customer '{id}' is null."), nameof(facts));
            if (fact is CustomerFact or DealershipFact or EvaluationContext or TouchProposal)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Facts[{i}] ({PolicyPipeline.Describe(fact)}) of customer '{id}' cannot be passed as another fact: the customer and dealership have their own parameters, and the evaluator inserts the evaluation context and rules insert proposals."), nameof(facts));
            }

            // The session identifies facts by identity: two versions of one fact would make the evaluation fail later.
            var earlier = Read(
                fact,
                i,
                id,
                "its identity (FactIdentity, its Equals or GetHashCode)",
                (identities, index: i),
                static (f, s) => f is IFactIdentity { FactIdentity: { } identity } && !s.identities.TryAdd(identity, s.index) ? s.identities[identity] : -1,
                nameof(facts));
            if (earlier >= 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Facts[{i}] ({PolicyPipeline.Describe(fact)}) of customer '{id}' has the same identity as Facts[{earlier}]; pass one version of each fact."), nameof(facts));
            }

            if (fact is Vehicle vehicle)
            {
                if (!string.Equals(vehicle.OwnerCustomerId, id, StringComparison.Ordinal))
                {
                    throw Foreign(i, fact, id, $"is owned by customer '{vehicle.OwnerCustomerId}'");
                }

                vins.Add(vehicle.Vin.Value);
            }
        }

        for (var i = 0; i < facts.Length; i++)
        {
            var fact = facts[i];
            if (fact is Vehicle)
            {
                continue;
            }

            var (owner, vin) = Read(fact, i, id, "its customer or VIN", Owners.GetOrAdd(fact.GetType(), CreateOwnerReader), static (f, reader) => reader(f), nameof(facts));
            if (owner is not null && !string.Equals(owner, id, StringComparison.Ordinal))
            {
                throw Foreign(i, fact, id, $"belongs to customer '{owner}'");
            }

            if (vin is not null && !vins.Contains(vin))
            {
                throw Foreign(i, fact, id, $"is about vehicle {vin}, which is not among the customer's vehicles");
            }
        }
    }

    // A host fact type's property (or identity, or its Equals/GetHashCode as a dictionary key) may throw: name the
    // fact instead of letting a bare InvalidOperationException or TargetInvocationException out of the constructor.
    // Everything read throws is the host fact's (this type's own errors are thrown outside): an ArgumentException too.
    // The state argument keeps the read a static lambda: no closure per fact of every customer.
    private static T Read<TState, T>(object fact, int index, string customerId, string what, TState state, Func<object, TState, T> read, string parameterName)
    {
        try
        {
            return read(fact, state);
        }
        catch (Exception ex)
        {
            var cause = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Facts[{index}] (a {fact.GetType().Name}) of customer '{customerId}' threw {cause.GetType().Name} when {what} was read: {cause.Message}"),
                parameterName,
                cause);
        }
    }

    private static ArgumentException Foreign(int index, object fact, string customerId, string problem)
        => new(string.Create(CultureInfo.InvariantCulture, $"Facts[{index}] ({PolicyPipeline.Describe(fact)}) {problem}, not to customer '{customerId}'."));

    // Facts name their customer by a CustomerId (or OwnerCustomerId / ReferrerCustomerId) text property and their
    // vehicle by a Vin property; fact types without these are shared facts.
    private static Func<object, (string? Customer, string? Vin)> CreateOwnerReader(Type type)
    {
        var customer = OwnerProperties
            .Select(name => type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance))
            .FirstOrDefault(p => p is not null && p.PropertyType == typeof(string));
        var vin = type.GetProperty("Vin", BindingFlags.Public | BindingFlags.Instance);
        if (vin is not null && vin.PropertyType != typeof(Vin) && vin.PropertyType != typeof(Vin?) && vin.PropertyType != typeof(string))
        {
            vin = null;
        }

        return fact =>
        {
            var owner = customer?.GetValue(fact) as string;
            var value = vin?.GetValue(fact) switch
            {
                Vin v when !v.IsEmpty => v.Value,
                string s => s,
                _ => null,
            };
            return (owner, value);
        };
    }
}
