using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Policies;

/// <summary>What the policies know about one customer at one instant: the facts they read and the settings.</summary>
internal sealed class PolicyInput
{
    public PolicyInput(Customer customer, Dealership dealership, IEnumerable<object> facts, Instant now, PolicyOptions options)
    {
        Customer = customer;
        Dealership = dealership;
        Now = now;
        Options = options;
        var all = facts.ToList();
        Vehicles = all.OfType<Vehicle>().GroupBy(v => v.Vin.Value, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        History = all.OfType<TouchSent>().OrderBy(t => t.SentAt).ThenBy(t => t.TouchId, StringComparer.Ordinal).ToList();
        Complaints = all.OfType<Complaint>().ToList();
        RepairOrders = all.OfType<RepairOrder>().ToList();
        ZoneKnown = customer.TimeZone is not null;
        Zone = customer.TimeZone ?? dealership.TimeZone;
        var jurisdiction = customer.Jurisdiction ?? dealership.Jurisdiction;
        Jurisdiction = new EffectiveJurisdiction(jurisdiction.CountryCode, jurisdiction.RegionCode, options);
        Today = now.InZone(Zone).Date;
    }

    public Customer Customer { get; }

    public Dealership Dealership { get; }

    public Instant Now { get; }

    public LocalDate Today { get; }

    public PolicyOptions Options { get; }

    /// <summary>The customer's vehicles by VIN.</summary>
    public IReadOnlyDictionary<string, Vehicle> Vehicles { get; }

    /// <summary>Touches already sent, oldest first.</summary>
    public IReadOnlyList<TouchSent> History { get; }

    public IReadOnlyList<Complaint> Complaints { get; }

    public IReadOnlyList<RepairOrder> RepairOrders { get; }

    /// <summary>The customer's zone, or the dealership's when the customer's is unknown.</summary>
    public DateTimeZone Zone { get; }

    public bool ZoneKnown { get; }

    public EffectiveJurisdiction Jurisdiction { get; }
}
