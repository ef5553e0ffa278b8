using System.Collections.Generic;
using System.Linq;

namespace Engagement.Rules.Benchmarks.Engine.Dealership;

/// <summary>
/// The same decisions as <see cref="DealershipRules"/>, written as plain C# loops over the facts: the baseline
/// a rules engine has to be compared with.
/// </summary>
internal static class HandWrittenDealership
{
    public static List<Decision> Decide(IReadOnlyList<object> facts)
    {
        var customers = new List<Customer>();
        var vehicles = new List<Vehicle>();
        var visits = new List<ServiceVisit>();
        var warranties = new List<Warranty>();
        var consents = new List<Consent>();
        var touches = new List<TouchSent>();
        foreach (var fact in facts)
        {
            switch (fact)
            {
                case Customer c: customers.Add(c); break;
                case Vehicle v: vehicles.Add(v); break;
                case ServiceVisit s: visits.Add(s); break;
                case Warranty w: warranties.Add(w); break;
                case Consent k: consents.Add(k); break;
                case TouchSent t: touches.Add(t); break;
                default: break;
            }
        }

        // Segments.
        var segments = new List<Segment>();
        foreach (var c in customers)
        {
            var visitCount = 0;
            var total = 0m;
            foreach (var s in visits)
            {
                if (s.CustomerId == c.Id)
                {
                    visitCount++;
                    total += s.Amount;
                }
            }

            if (visitCount >= 4)
            {
                segments.Add(new Segment(c.Id, "loyal"));
            }

            if (vehicles.Count(v => v.CustomerId == c.Id) >= 2)
            {
                segments.Add(new Segment(c.Id, "multi-vehicle"));
            }

            if (total >= 1000m)
            {
                segments.Add(new Segment(c.Id, "high-value"));
            }

            if (touches.Count(t => t.CustomerId == c.Id && t.DaysAgo < 14) >= 2)
            {
                segments.Add(new Segment(c.Id, "fatigued"));
            }
        }

        // Proposals.
        var proposals = new List<Proposal>();
        foreach (var v in vehicles)
        {
            if (!visits.Any(s => s.VehicleId == v.Id && s.Kind == "oil" && s.DaysAgo < 180))
            {
                proposals.Add(new Proposal(v.CustomerId, "oil-change", v.Id));
            }

            if (v.Mileage > 20_000 && !visits.Any(s => s.VehicleId == v.Id && s.Kind == "tires" && s.DaysAgo < 365))
            {
                proposals.Add(new Proposal(v.CustomerId, "tire-rotation", v.Id));
            }

            if (v.Make == "Acme" && v.ModelYear < 2020 && !visits.Any(s => s.VehicleId == v.Id && s.Kind == "recall"))
            {
                proposals.Add(new Proposal(v.CustomerId, "recall", v.Id));
            }

            if (v.ModelYear <= 2022 && !visits.Any(s => s.VehicleId == v.Id && s.Kind == "inspection" && s.DaysAgo < 365))
            {
                proposals.Add(new Proposal(v.CustomerId, "inspection", v.Id));
            }
        }

        foreach (var w in warranties)
        {
            if (w.DaysToExpiry < 60)
            {
                foreach (var v in vehicles)
                {
                    if (v.Id == w.VehicleId)
                    {
                        proposals.Add(new Proposal(v.CustomerId, "warranty-extension", v.Id));
                    }
                }
            }
        }

        foreach (var s in visits)
        {
            if (s.DaysAgo < 7 && !touches.Any(t => t.CustomerId == s.CustomerId && t.Kind == "review-request" && t.DaysAgo < 7))
            {
                proposals.Add(new Proposal(s.CustomerId, "review-request", s.VehicleId));
            }
        }

        foreach (var c in customers)
        {
            if (!visits.Any(s => s.CustomerId == c.Id && s.DaysAgo < 365))
            {
                proposals.Add(new Proposal(c.Id, "win-back", 0));
            }

            if (c.BirthMonth == DealershipRules.CurrentMonth)
            {
                proposals.Add(new Proposal(c.Id, "birthday", 0));
            }

            if (vehicles.Any(v => v.CustomerId == c.Id && v.ModelYear < 2016))
            {
                proposals.Add(new Proposal(c.Id, "trade-in", 0));
            }

            foreach (var g in segments)
            {
                if (g.CustomerId == c.Id && g.Name == "loyal")
                {
                    proposals.Add(new Proposal(c.Id, "thank-you", 0));
                }
            }

            if (c.Tier == "silver")
            {
                foreach (var g in segments)
                {
                    if (g.CustomerId == c.Id && g.Name == "high-value")
                    {
                        foreach (var h in segments)
                        {
                            if (h.CustomerId == c.Id && h.Name == "multi-vehicle")
                            {
                                proposals.Add(new Proposal(c.Id, "tier-upgrade", 0));
                            }
                        }
                    }
                }
            }
        }

        // Suppressions, then channels.
        var decisions = new List<Decision>();
        foreach (var p in proposals)
        {
            var suppressed =
                touches.Any(t => t.CustomerId == p.CustomerId && t.Kind == p.Kind && t.DaysAgo < 30)
                || (p.Kind != "recall" && segments.Any(g => g.CustomerId == p.CustomerId && g.Name == "fatigued"))
                || !consents.Any(k => k.CustomerId == p.CustomerId && (k.Email || k.Sms));
            if (suppressed)
            {
                continue;
            }

            foreach (var k in consents)
            {
                if (k.CustomerId == p.CustomerId && k.Email)
                {
                    decisions.Add(new Decision(p.CustomerId, p.Kind, p.VehicleId, "email"));
                }

                if (k.CustomerId == p.CustomerId && !k.Email && k.Sms)
                {
                    decisions.Add(new Decision(p.CustomerId, p.Kind, p.VehicleId, "sms"));
                }
            }
        }

        return decisions;
    }
}
