using System;
using System.Collections.Generic;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Policies;

/// <summary>What the policies know about one customer at one instant: the facts they read and the settings.</summary>
internal sealed class PolicyInput
{
    private static readonly IReadOnlyDictionary<string, Vehicle> NoVehicles = new Dictionary<string, Vehicle>(StringComparer.OrdinalIgnoreCase);

    private bool _relationshipKnown;
    private Vehicle? _firstOwnedVehicle;
    private RepairOrder? _firstRepairOrder;

    /// <summary>Reads the facts the policies need in one pass.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="dealership">The customer's dealership.</param>
    /// <param name="facts">The other facts.</param>
    /// <param name="now">The evaluation instant.</param>
    /// <param name="options">The policy settings.</param>
    /// <param name="jurisdictions">The evaluator's cache of merged jurisdiction rules for <paramref name="options"/>; none builds them afresh.</param>
    public PolicyInput(Customer customer, Dealership dealership, IEnumerable<object> facts, Instant now, PolicyOptions options, EffectiveJurisdictionCache? jurisdictions = null)
    {
        Customer = customer;
        Dealership = dealership;
        Now = now;
        Options = options;
        Dictionary<string, Vehicle>? vehicles = null;
        List<TouchSent>? history = null;
        List<Complaint>? complaints = null;
        List<RepairOrder>? repairOrders = null;
        foreach (var fact in facts)
        {
            switch (fact)
            {
                case Vehicle vehicle:
                    // The last vehicle with a VIN wins, as the facts list them.
                    (vehicles ??= new Dictionary<string, Vehicle>(StringComparer.OrdinalIgnoreCase))[vehicle.Vin.Value] = vehicle;
                    break;
                case TouchSent touch:
                    (history ??= []).Add(touch);
                    break;
                case Complaint complaint:
                    (complaints ??= []).Add(complaint);
                    break;
                case RepairOrder order:
                    (repairOrders ??= []).Add(order);
                    break;
            }
        }

        Vehicles = vehicles ?? NoVehicles;
        if (history is { Count: > 1 })
        {
            SortHistory(history);
        }

        History = (IReadOnlyList<TouchSent>?)history ?? [];
        Complaints = (IReadOnlyList<Complaint>?)complaints ?? [];
        RepairOrders = (IReadOnlyList<RepairOrder>?)repairOrders ?? [];
        ZoneKnown = customer.TimeZone is not null;
        Zone = customer.TimeZone ?? dealership.TimeZone;
        ZoneAsList = [Zone];
        var jurisdiction = customer.Jurisdiction ?? dealership.Jurisdiction;
        Jurisdiction = jurisdictions?.Get(jurisdiction.CountryCode, jurisdiction.RegionCode)
            ?? new EffectiveJurisdiction(jurisdiction.CountryCode, jurisdiction.RegionCode, options);
        Today = now.InZone(Zone).Date;
    }

    public Customer Customer { get; }

    public Dealership Dealership { get; }

    public Instant Now { get; }

    public LocalDate Today { get; }

    public PolicyOptions Options { get; }

    /// <summary>The customer's vehicles by VIN.</summary>
    public IReadOnlyDictionary<string, Vehicle> Vehicles { get; }

    /// <summary>Touches already sent, oldest first (ties by touch id, ordinal).</summary>
    public IReadOnlyList<TouchSent> History { get; }

    public IReadOnlyList<Complaint> Complaints { get; }

    public IReadOnlyList<RepairOrder> RepairOrders { get; }

    /// <summary>The customer's zone, or the dealership's when the customer's is unknown.</summary>
    public DateTimeZone Zone { get; }

    /// <summary><see cref="Zone"/> as the zone list the contact-time planner takes.</summary>
    public IReadOnlyList<DateTimeZone> ZoneAsList { get; }

    public bool ZoneKnown { get; }

    public EffectiveJurisdiction Jurisdiction { get; }

    /// <summary>The owned vehicle with the first VIN (ordinal), the evidence of an existing relationship; null when none.</summary>
    public Vehicle? FirstOwnedVehicle
    {
        get
        {
            FindRelationship();
            return _firstOwnedVehicle;
        }
    }

    /// <summary>The repair order with the first id (ordinal), the other evidence of an existing relationship; null when none.</summary>
    public RepairOrder? FirstRepairOrder
    {
        get
        {
            FindRelationship();
            return _firstRepairOrder;
        }
    }

    private void FindRelationship()
    {
        if (_relationshipKnown)
        {
            return;
        }

        foreach (var vehicle in Vehicles.Values)
        {
            if (vehicle.IsOwned && (_firstOwnedVehicle is null || string.CompareOrdinal(vehicle.Vin.Value, _firstOwnedVehicle.Vin.Value) < 0))
            {
                _firstOwnedVehicle = vehicle;
            }
        }

        foreach (var order in RepairOrders)
        {
            if (_firstRepairOrder is null || string.CompareOrdinal(order.RepairOrderId, _firstRepairOrder.RepairOrderId) < 0)
            {
                _firstRepairOrder = order;
            }
        }

        _relationshipKnown = true;
    }

    // A stable sort (insertion: histories are short and usually already in order) by sent instant, then touch id.
    private static void SortHistory(List<TouchSent> history)
    {
        for (var i = 1; i < history.Count; i++)
        {
            var item = history[i];
            var j = i - 1;
            while (j >= 0 && Compare(history[j], item) > 0)
            {
                history[j + 1] = history[j];
                j--;
            }

            history[j + 1] = item;
        }
    }

    private static int Compare(TouchSent x, TouchSent y)
    {
        var c = x.SentAt.CompareTo(y.SentAt);
        return c != 0 ? c : string.CompareOrdinal(x.TouchId, y.TouchId);
    }
}
