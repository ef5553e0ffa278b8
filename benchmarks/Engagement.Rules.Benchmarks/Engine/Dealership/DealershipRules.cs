using System.Collections.Generic;
using Engagement.Rules.Engine.Model;
using static Engagement.Rules.Benchmarks.Engine.RuleKit;

namespace Engagement.Rules.Benchmarks.Engine.Dealership;

/// <summary>
/// Twenty rules of the kind a dealership writes, over one customer's facts: segments (collect, count and sum
/// aggregates, inserted facts), touch proposals (joins, not, exists, rules chaining on segments), suppressions
/// that retract proposals, and channel decisions. <see cref="HandWrittenDealership"/> is the same logic in plain C#.
/// </summary>
/// <remarks>
/// Priorities order the stages: segments (30) before proposals (20) before suppressions (10) before channels (0).
/// </remarks>
internal static class DealershipRules
{
    public const int CurrentMonth = 11;

    public static IReadOnlyList<RuleDefinition> All()
    {
        var rules = new List<RuleDefinition>();
        rules.AddRange(Segments());
        rules.AddRange(Proposals());
        rules.AddRange(Suppressions());
        rules.AddRange(Channels());
        return rules;
    }

    private static IEnumerable<RuleDefinition> Segments()
    {
        var c = Decl<Customer>("c");
        var s = Decl<ServiceVisit>("s");
        var visits = Decl<IReadOnlyList<ServiceVisit>>("visits");
        yield return Rule(
            "segment-loyal",
            30,
            Action<Customer>(c, (ctx, x) => ctx.Insert(new Segment(x.Id, "loyal"))),
            Pattern<Customer>(c),
            new AggregateElement(
                visits,
                AggregateKind.Collect,
                Pattern(s, Join<ServiceVisit, Customer>(s, c, (v, x) => v.CustomerId == x.Id)),
                resultConditions: [Test<IReadOnlyList<ServiceVisit>>(visits, l => l.Count >= 4)]));

        var v = Decl<Vehicle>("v");
        var vehicles = Decl<int>("vehicles");
        yield return Rule(
            "segment-multi-vehicle",
            30,
            Action<Customer>(c, (ctx, x) => ctx.Insert(new Segment(x.Id, "multi-vehicle"))),
            Pattern<Customer>(c),
            new AggregateElement(
                vehicles,
                AggregateKind.Count,
                Pattern(v, Join<Vehicle, Customer>(v, c, (y, x) => y.CustomerId == x.Id)),
                resultConditions: [Test<int>(vehicles, n => n >= 2)]));

        var total = Decl<decimal>("total");
        var amount = new ValueExpression((System.Linq.Expressions.Expression<System.Func<ServiceVisit, decimal>>)(y => y.Amount), [s]);
        yield return Rule(
            "segment-high-value",
            30,
            Action<Customer>(c, (ctx, x) => ctx.Insert(new Segment(x.Id, "high-value"))),
            Pattern<Customer>(c),
            new AggregateElement(
                total,
                AggregateKind.Sum,
                Pattern(s, Join<ServiceVisit, Customer>(s, c, (y, x) => y.CustomerId == x.Id)),
                amount,
                [Test<decimal>(total, t => t >= 1000m)]));

        var t = Decl<TouchSent>("t");
        var recent = Decl<int>("recent");
        yield return Rule(
            "segment-fatigued",
            30,
            Action<Customer>(c, (ctx, x) => ctx.Insert(new Segment(x.Id, "fatigued"))),
            Pattern<Customer>(c),
            new AggregateElement(
                recent,
                AggregateKind.Count,
                Pattern(t, Join<TouchSent, Customer>(t, c, (y, x) => y.CustomerId == x.Id), Test<TouchSent>(t, y => y.DaysAgo < 14)),
                resultConditions: [Test<int>(recent, n => n >= 2)]));
    }

    private static IEnumerable<RuleDefinition> Proposals()
    {
        var v = Decl<Vehicle>("v");
        var s = Decl<ServiceVisit>("s");
        yield return Rule(
            "propose-oil-change",
            20,
            Action<Vehicle>(v, (ctx, x) => ctx.Insert(new Proposal(x.CustomerId, "oil-change", x.Id))),
            Pattern<Vehicle>(v),
            new NotElement(Pattern(s, Join<ServiceVisit, Vehicle>(s, v, (y, x) => y.VehicleId == x.Id), Test<ServiceVisit>(s, y => y.Kind == "oil" && y.DaysAgo < 180))));

        yield return Rule(
            "propose-tire-rotation",
            20,
            Action<Vehicle>(v, (ctx, x) => ctx.Insert(new Proposal(x.CustomerId, "tire-rotation", x.Id))),
            Pattern<Vehicle>(v, x => x.Mileage > 20_000),
            new NotElement(Pattern(s, Join<ServiceVisit, Vehicle>(s, v, (y, x) => y.VehicleId == x.Id), Test<ServiceVisit>(s, y => y.Kind == "tires" && y.DaysAgo < 365))));

        var w = Decl<Warranty>("w");
        yield return Rule(
            "propose-warranty-extension",
            20,
            Action<Vehicle>(v, (ctx, x) => ctx.Insert(new Proposal(x.CustomerId, "warranty-extension", x.Id))),
            Pattern<Warranty>(w, x => x.DaysToExpiry < 60),
            Pattern(v, Join<Vehicle, Warranty>(v, w, (x, y) => x.Id == y.VehicleId)));

        yield return Rule(
            "propose-recall",
            20,
            Action<Vehicle>(v, (ctx, x) => ctx.Insert(new Proposal(x.CustomerId, "recall", x.Id))),
            Pattern<Vehicle>(v, x => x.Make == "Acme", x => x.ModelYear < 2020),
            new NotElement(Pattern(s, Join<ServiceVisit, Vehicle>(s, v, (y, x) => y.VehicleId == x.Id), Test<ServiceVisit>(s, y => y.Kind == "recall"))));

        yield return Rule(
            "propose-inspection",
            20,
            Action<Vehicle>(v, (ctx, x) => ctx.Insert(new Proposal(x.CustomerId, "inspection", x.Id))),
            Pattern<Vehicle>(v, x => x.ModelYear <= 2022),
            new NotElement(Pattern(s, Join<ServiceVisit, Vehicle>(s, v, (y, x) => y.VehicleId == x.Id), Test<ServiceVisit>(s, y => y.Kind == "inspection" && y.DaysAgo < 365))));

        var c = Decl<Customer>("c");
        yield return Rule(
            "propose-win-back",
            20,
            Action<Customer>(c, (ctx, x) => ctx.Insert(new Proposal(x.Id, "win-back", 0))),
            Pattern<Customer>(c),
            new NotElement(Pattern(s, Join<ServiceVisit, Customer>(s, c, (y, x) => y.CustomerId == x.Id), Test<ServiceVisit>(s, y => y.DaysAgo < 365))));

        var t = Decl<TouchSent>("t");
        yield return Rule(
            "propose-review-request",
            20,
            Action<ServiceVisit>(s, (ctx, y) => ctx.Insert(new Proposal(y.CustomerId, "review-request", y.VehicleId))),
            Pattern<ServiceVisit>(s, y => y.DaysAgo < 7),
            new NotElement(Pattern(t, Join<TouchSent, ServiceVisit>(t, s, (x, y) => x.CustomerId == y.CustomerId), Test<TouchSent>(t, x => x.Kind == "review-request" && x.DaysAgo < 7))));

        yield return Rule(
            "propose-birthday",
            20,
            Action<Customer>(c, (ctx, x) => ctx.Insert(new Proposal(x.Id, "birthday", 0))),
            Pattern<Customer>(c, x => x.BirthMonth == CurrentMonth));

        yield return Rule(
            "propose-trade-in",
            20,
            Action<Customer>(c, (ctx, x) => ctx.Insert(new Proposal(x.Id, "trade-in", 0))),
            Pattern<Customer>(c),
            new ExistsElement(Pattern(v, Join<Vehicle, Customer>(v, c, (y, x) => y.CustomerId == x.Id), Test<Vehicle>(v, y => y.ModelYear < 2016))));

        var g = Decl<Segment>("g");
        yield return Rule(
            "propose-thank-you",
            20,
            Action<Customer>(c, (ctx, x) => ctx.Insert(new Proposal(x.Id, "thank-you", 0))),
            Pattern<Customer>(c),
            Pattern(g, Join<Segment, Customer>(g, c, (y, x) => y.CustomerId == x.Id), Test<Segment>(g, y => y.Name == "loyal")));

        var h = Decl<Segment>("h");
        yield return Rule(
            "propose-tier-upgrade",
            20,
            Action<Customer>(c, (ctx, x) => ctx.Insert(new Proposal(x.Id, "tier-upgrade", 0))),
            Pattern<Customer>(c, x => x.Tier == "silver"),
            Pattern(g, Join<Segment, Customer>(g, c, (y, x) => y.CustomerId == x.Id), Test<Segment>(g, y => y.Name == "high-value")),
            Pattern(h, Join<Segment, Customer>(h, c, (y, x) => y.CustomerId == x.Id), Test<Segment>(h, y => y.Name == "multi-vehicle")));
    }

    private static IEnumerable<RuleDefinition> Suppressions()
    {
        var p = Decl<Proposal>("p");
        var t = Decl<TouchSent>("t");
        yield return Rule(
            "suppress-recently-touched",
            10,
            Action<Proposal>(p, (ctx, x) => ctx.Retract(x)),
            Pattern<Proposal>(p),
            new ExistsElement(Pattern(t, Join<TouchSent, Proposal>(t, p, (y, x) => y.CustomerId == x.CustomerId && y.Kind == x.Kind), Test<TouchSent>(t, y => y.DaysAgo < 30))));

        var g = Decl<Segment>("g");
        yield return Rule(
            "suppress-fatigued",
            10,
            Action<Proposal>(p, (ctx, x) => ctx.Retract(x)),
            Pattern<Proposal>(p, x => x.Kind != "recall"),
            new ExistsElement(Pattern(g, Join<Segment, Proposal>(g, p, (y, x) => y.CustomerId == x.CustomerId), Test<Segment>(g, y => y.Name == "fatigued"))));

        var k = Decl<Consent>("k");
        yield return Rule(
            "suppress-no-consent",
            10,
            Action<Proposal>(p, (ctx, x) => ctx.Retract(x)),
            Pattern<Proposal>(p),
            new NotElement(Pattern(k, Join<Consent, Proposal>(k, p, (y, x) => y.CustomerId == x.CustomerId), Test<Consent>(k, y => y.Email || y.Sms))));
    }

    private static IEnumerable<RuleDefinition> Channels()
    {
        var p = Decl<Proposal>("p");
        var k = Decl<Consent>("k");
        yield return Rule(
            "channel-email",
            0,
            Action<Proposal>(p, (ctx, x) => ctx.Insert(new Decision(x.CustomerId, x.Kind, x.VehicleId, "email"))),
            Pattern<Proposal>(p),
            Pattern(k, Join<Consent, Proposal>(k, p, (y, x) => y.CustomerId == x.CustomerId), Test<Consent>(k, y => y.Email)));

        yield return Rule(
            "channel-sms",
            0,
            Action<Proposal>(p, (ctx, x) => ctx.Insert(new Decision(x.CustomerId, x.Kind, x.VehicleId, "sms"))),
            Pattern<Proposal>(p),
            Pattern(k, Join<Consent, Proposal>(k, p, (y, x) => y.CustomerId == x.CustomerId), Test<Consent>(k, y => !y.Email && y.Sms)));
    }
}
