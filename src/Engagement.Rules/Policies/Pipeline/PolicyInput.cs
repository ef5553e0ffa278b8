using System;
using System.Collections.Generic;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>What the policies know about one customer at one instant: the facts they read and the settings.</summary>
internal sealed class PolicyInput
{
    // The facts until a policy first asks what they say: an evaluation whose rules propose nothing (about a quarter
    // of the default pack's) runs no policy, and then a pass over every fact of the customer would be wasted.
    private IEnumerable<object>? _unread;
    private List<Vehicle>? _vehicles;
    private TouchSent[] _history = [];
    private Complaint? _firstOpenComplaint;
    private RepairOrder? _firstOpenRepairOrder;
    private Vehicle? _firstOwnedVehicle;
    private RepairOrder? _firstRepairOrder;

    /// <summary>Keeps the facts, to be read in one pass when a policy first asks about them.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="dealership">The customer's dealership.</param>
    /// <param name="facts">The other facts (not changed afterwards).</param>
    /// <param name="now">The evaluation instant.</param>
    /// <param name="options">The policy settings.</param>
    /// <param name="jurisdictions">The evaluator's cache of merged jurisdiction rules for <paramref name="options"/>; none builds them afresh.</param>
    public PolicyInput(Customer customer, Dealership dealership, IEnumerable<object> facts, Instant now, PolicyOptions options, EffectiveJurisdictionCache? jurisdictions = null)
    {
        Customer = customer;
        Dealership = dealership;
        Now = now;
        Options = options;
        _unread = facts;
        ZoneKnown = customer.TimeZone is not null;
        Zone = customer.TimeZone ?? dealership.TimeZone;
        var jurisdiction = customer.Jurisdiction ?? dealership.Jurisdiction;
        Jurisdiction = jurisdictions?.Get(jurisdiction.CountryCode, jurisdiction.RegionCode)
            ?? new EffectiveJurisdiction(jurisdiction.CountryCode, jurisdiction.RegionCode, options);
    }

    public Customer Customer { get; }

    public Dealership Dealership { get; }

    public Instant Now { get; }

    public PolicyOptions Options { get; }

    /// <summary>Touches already sent, oldest first (ties by touch id, ordinal, then as listed); not to be changed.</summary>
    /// <remarks>An array: the frequency checks walk it for every candidate, and an interface call per touch read cost more than the copy.</remarks>
    public TouchSent[] History
    {
        get
        {
            ReadFacts();
            return _history;
        }
    }

    /// <summary>The open complaint with the first id (ordinal; the first listed among equal ids); null when none.</summary>
    public Complaint? FirstOpenComplaint
    {
        get
        {
            ReadFacts();
            return _firstOpenComplaint;
        }
    }

    /// <summary>The open repair order with the first id (ordinal; the first listed among equal ids); null when none.</summary>
    public RepairOrder? FirstOpenRepairOrder
    {
        get
        {
            ReadFacts();
            return _firstOpenRepairOrder;
        }
    }

    /// <summary>The customer's zone, or the dealership's when the customer's is unknown.</summary>
    public DateTimeZone Zone { get; }

    public bool ZoneKnown { get; }

    public EffectiveJurisdiction Jurisdiction { get; }

    /// <summary>The owned vehicle with the first VIN (ordinal), the evidence of an existing relationship; null when none.</summary>
    public Vehicle? FirstOwnedVehicle
    {
        get
        {
            ReadFacts();
            return _firstOwnedVehicle;
        }
    }

    /// <summary>The repair order with the first id (ordinal), the other evidence of an existing relationship; null when none.</summary>
    public RepairOrder? FirstRepairOrder
    {
        get
        {
            ReadFacts();
            return _firstRepairOrder;
        }
    }

    /// <summary>The customer's vehicle with a VIN (case-insensitive; the last listed wins), or null.</summary>
    public Vehicle? FindVehicle(string vin)
    {
        ReadFacts();
        if (_vehicles is not null)
        {
            foreach (var vehicle in _vehicles)
            {
                if (string.Equals(vehicle.Vin.Value, vin, StringComparison.OrdinalIgnoreCase))
                {
                    return vehicle;
                }
            }
        }

        return null;
    }

    // Reads the facts the policies need in one pass, the first time one is asked for.
    private void ReadFacts()
    {
        if (_unread is not { } facts)
        {
            return;
        }

        _unread = null;
        List<TouchSent>? history = null;
        if (facts is FactList known)
        {
            // A customer's own facts (CustomerFacts.Facts): read from the array, not through the collection.
            foreach (var fact in known.Array)
            {
                Read(fact, ref history);
            }
        }
        else if (facts is IReadOnlyList<object> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                Read(list[i], ref history);
            }
        }
        else
        {
            foreach (var fact in facts)
            {
                Read(fact, ref history);
            }
        }

        _history = history is null ? [] : Sorted(history);
        if (_vehicles is not null)
        {
            foreach (var vehicle in _vehicles)
            {
                if (vehicle.IsOwned && (_firstOwnedVehicle is null || string.CompareOrdinal(vehicle.Vin.Value, _firstOwnedVehicle.Vin.Value) < 0))
                {
                    _firstOwnedVehicle = vehicle;
                }
            }
        }
    }

    private void Read(object fact, ref List<TouchSent>? history)
    {
        switch (fact)
        {
            case Vehicle vehicle:
                AddVehicle(vehicle);
                break;
            case TouchSent touch:
                (history ??= []).Add(touch);
                break;
            case Complaint complaint when complaint.IsOpen:
                if (_firstOpenComplaint is null || string.CompareOrdinal(complaint.Id, _firstOpenComplaint.Id) < 0)
                {
                    _firstOpenComplaint = complaint;
                }

                break;
            case RepairOrder order:
                if (_firstRepairOrder is null || string.CompareOrdinal(order.RepairOrderId, _firstRepairOrder.RepairOrderId) < 0)
                {
                    _firstRepairOrder = order;
                }

                if (order.IsOpen && (_firstOpenRepairOrder is null || string.CompareOrdinal(order.RepairOrderId, _firstOpenRepairOrder.RepairOrderId) < 0))
                {
                    _firstOpenRepairOrder = order;
                }

                break;
        }
    }

    // A customer has a few vehicles: a list searched in order beats a dictionary. A later vehicle with the same
    // VIN (case-insensitive) replaces the earlier one in its place, as a dictionary keyed by VIN would.
    private void AddVehicle(Vehicle vehicle)
    {
        var vehicles = _vehicles ??= new List<Vehicle>(3);
        for (var i = 0; i < vehicles.Count; i++)
        {
            if (string.Equals(vehicles[i].Vin.Value, vehicle.Vin.Value, StringComparison.OrdinalIgnoreCase))
            {
                vehicles[i] = vehicle;
                return;
            }
        }

        vehicles.Add(vehicle);
    }

    // By sent instant, then touch id, then input order (stable). Histories usually come in order: one linear
    // check then suffices. Otherwise an O(n log n) sort - an insertion sort is quadratic on the newest-first
    // order a database gives for ORDER BY sent_at DESC (40,000 touches took half a minute).
    private static TouchSent[] Sorted(List<TouchSent> history)
    {
        var inOrder = true;
        for (var i = 1; i < history.Count && inOrder; i++)
        {
            inOrder = Compare(history[i - 1], history[i]) <= 0;
        }

        if (inOrder)
        {
            return history.ToArray();
        }

        var entries = new (TouchSent Touch, int Index)[history.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = (history[i], i);
        }

        // Array.Sort is not stable: the input index as the last key makes the order total, hence stable.
        Array.Sort(entries, static (x, y) =>
        {
            var c = Compare(x.Touch, y.Touch);
            return c != 0 ? c : x.Index.CompareTo(y.Index);
        });
        var sorted = new TouchSent[entries.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = entries[i].Touch;
        }

        return sorted;
    }

    private static int Compare(TouchSent x, TouchSent y)
    {
        var c = x.SentAt.CompareTo(y.SentAt);
        return c != 0 ? c : string.CompareOrdinal(x.TouchId, y.TouchId);
    }
}
