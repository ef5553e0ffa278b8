using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Facts;
using NodaTime;
using NodaTime.Testing;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

/// <summary>The whole flow: real rules compiled by the Rete engine, a session per customer, then the policies.</summary>
public sealed partial class EngagementEvaluatorTest
{
    private static readonly CompiledRuleSet DealershipRules = RuleCompiler.Compile(
    [
        new RuleBuilder("service.oil-due")
            .Match<EvaluationContext>("e")
            .Match<Customer>("c")
            .Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerCustomerId == c.CustomerId)
            .Action((IActionContext ctx, EvaluationContext e, Customer c, Vehicle v) => ctx.Insert(new TouchProposal
            {
                RuleId = "service.oil-due",
                Kind = TouchKind.Reminder,
                Class = TouchClass.Service,
                Topic = "service.oil",
                CustomerId = c.CustomerId,
                Vin = v.Vin.Value,
                DueOn = e.Today,
                Reason = "oil change due",
                MatchedFacts = new object[] { c, v },
                Evidence = EvidenceOf("model", v.Model),
            }))
            .Build(),
        new RuleBuilder("safety.recall-open")
            .Match<EvaluationContext>("e")
            .Match<RecallCampaign>("r", r => r.Disposition == RecallDisposition.Open)
            .Match<Vehicle>("v", (Vehicle v, RecallCampaign r) => v.Vin == r.Vin)
            .Action((IActionContext ctx, EvaluationContext e, RecallCampaign r, Vehicle v) => ctx.Insert(new TouchProposal
            {
                RuleId = "safety.recall-open",
                Kind = TouchKind.Notice,
                Class = TouchClass.Safety,
                Topic = "safety.recall." + r.CampaignNumber,
                CustomerId = v.OwnerCustomerId,
                Vin = v.Vin.Value,
                DueOn = e.Today,
                Reason = "open recall " + r.CampaignNumber,
                MatchedFacts = new object[] { r, v },
            }))
            .Build(),
        new RuleBuilder("marketing.accessories")
            .Match<EvaluationContext>("e")
            .Match<Customer>("c")
            .Action((IActionContext ctx, EvaluationContext e, Customer c) => ctx.Insert(new TouchProposal
            {
                RuleId = "marketing.accessories",
                Kind = TouchKind.Offer,
                Class = TouchClass.Marketing,
                Topic = "offer.accessories." + e.Today.Month,
                CustomerId = c.CustomerId,
                DueOn = e.Today,
                Reason = "seasonal accessories",
                MatchedFacts = new object[] { c },
            }))
            .Build(),
    ]);

    private static Dictionary<string, string> EvidenceOf(string name, string value) => new() { [name] = value };

    private static RecallCampaign Recall(string vin = Vin1) => new()
    {
        CampaignNumber = "26V-101",
        Vin = Vin.Parse(vin),
        Description = "Airbag inflator",
        IssuedOn = new LocalDate(2026, 5, 1),
    };

    [Test]
    public void Evaluate_CompiledRules_RecallOutranksMarketingAndServiceGoesToo()
    {
        var evaluator = EngagementEvaluator.Create(DealershipRules, new FakeClock(Now));

        // Marketing consent, so that the offer reaches the arbitration step where the recall suppresses it.
        var result = evaluator.Evaluate(FactsOf(Customer(), null, Vehicle(), Recall()));

        result.Decisions.Select(d => d.RuleId).Should().Equal("safety.recall-open", "service.oil-due");
        var recall = result.Decisions[0];
        recall.Channel.Should().Be(ContactChannel.Email);
        recall.Explanation.MatchedFacts.Should().Equal(new FactReference("RecallCampaign", $"26V-101/{Vin1}"), new FactReference("Vehicle", Vin1));
        result.Decisions[1].Explanation.Evidence["model"].Should().Be("Accord");
        var offer = result.Suppressed.Single();
        offer.Proposal.RuleId.Should().Be("marketing.accessories");
        offer.Reason.Should().Be(SuppressionReason.SuppressionCondition);
    }

    [Test]
    public void Evaluate_CompiledRules_TheRulesSeeTodayInTheCustomersZone()
    {
        // 02:00 UTC on 11 June is still 10 June in Los Angeles.
        var evaluator = EngagementEvaluator.Create(DealershipRules, new FakeClock(Now));
        var customer = Customer(zone: "America/Los_Angeles", region: "CA");

        var result = evaluator.Evaluate(FactsOf(customer, null, Vehicle()), Instant.FromUtc(2026, 6, 11, 2, 0));

        result.Decisions.Should().ContainSingle().Which.DueLocal.Date.Should().Be(new LocalDate(2026, 6, 10));
    }

    [Test]
    public async Task EvaluateAsync_CompiledRulesSharedAcrossThreads_MatchesSequential()
    {
        var evaluator = EngagementEvaluator.Create(DealershipRules, new FakeClock(Now));
        var customers = Enumerable.Range(0, 120).Select(VariedCustomer).ToArray();
        var sequential = customers.Select(c => Summary(evaluator.Evaluate(c, Now))).ToArray();

        var parallel = new List<string>();
        await foreach (var result in evaluator.EvaluateAsync(ToAsync(customers, new Counter()), 4, CancellationToken.None))
        {
            parallel.Add(Summary(result));
        }

        parallel.Should().Equal(sequential);
    }

    [Test]
    public void Forecast_CompiledRules_ThirtyDaysHonourCapsAndCooldowns()
    {
        var evaluator = EngagementEvaluator.Create(DealershipRules, new FakeClock(Now));

        var forecast = evaluator.Forecast(FactsOf(null, null, Vehicle()), Now, 30);

        forecast.Decisions.Count(t => t.Topic == "service.oil").Should().Be(1);
        forecast.Decisions.Where(t => t.Class == TouchClass.Marketing).Select(t => t.Topic).Should().Equal(["offer.accessories.6", "offer.accessories.7"], "each month's topic goes once: the June topic is in cooldown for the rest of June");
        forecast.Decisions.GroupBy(t => t.DueLocal.Date).Should().OnlyContain(g => g.Count() == 1);
    }

    [Test]
    public void Evaluate_LoopingRule_ThrowsNamingTheCustomerWithTheEngineErrorInside()
    {
        var looping = RuleCompiler.Compile(
        [
            new RuleBuilder("loop")
                .Match<Customer>("c")
                .Action((IActionContext ctx, Customer c) => ctx.Update(NextVersion(c)))
                .Build(),
        ]);
        var evaluator = EngagementEvaluator.Create(looping, new FakeClock(Now));

        var act = () => evaluator.Evaluate(FactsOf());

        var error = act.Should().Throw<EngagementEvaluationException>().Which;
        error.CustomerId.Should().Be("C1");
        error.InnerException.Should().BeOfType<RuleLoopException>();
    }

    [Test]
    public void Evaluate_SessionOptions_TheLoopGuardStopsAtTheHostsLimit()
    {
        var fired = new int[1];
        var looping = RuleCompiler.Compile(
        [
            new RuleBuilder("loop")
                .Match<Customer>("c")
                .Action((IActionContext ctx, Customer c) => Count(fired, ctx, c))
                .Build(),
        ]);
        var evaluator = EngagementEvaluator.Create(looping, new FakeClock(Now), session: new SessionOptions { MaxFiringsPerFire = 25 });

        var act = () => evaluator.Evaluate(FactsOf());

        act.Should().Throw<EngagementEvaluationException>().WithInnerException<RuleLoopException>().Which.Limit.Should().Be(25);
        fired[0].Should().Be(25);
    }

    [Test]
    public async Task EvaluateAsync_CancelledWhileACustomersRulesFire_StopsBetweenFiringsWithOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        var fired = 0;
        var looping = RuleCompiler.Compile(
        [
            new RuleBuilder("loop")
                .Match<Customer>("c")
                .Action((IActionContext ctx, Customer c) => FireThenCancelAtFive(ref fired, cancellation, ctx, c))
                .Build(),
        ]);
        var evaluator = EngagementEvaluator.Create(looping, new FakeClock(Now));

        var act = async () =>
        {
            await foreach (var result in evaluator.EvaluateAsync(ToAsync([FactsOf()], new Counter()), 1, cancellation.Token))
            {
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>("the token, not the loop guard (10,000 firings), stops it");
        fired.Should().Be(5);
    }

    [Test]
    public void Evaluate_SessionOptions_TheMatchGuardStopsACrossProductNamingTheRule()
    {
        var crossProduct = RuleCompiler.Compile(
        [
            new RuleBuilder("every-triple-of-vehicles")
                .Match<Vehicle>("a")
                .Match<Vehicle>("b")
                .Match<Vehicle>("c")
                .Action((IActionContext ctx) => ctx.Halt())
                .Build(),
        ]);
        var evaluator = EngagementEvaluator.Create(crossProduct, new FakeClock(Now), session: new SessionOptions { MaxPartialMatches = 10 });

        // Two vehicles: 2 + 4 + 8 partial matches below the root.
        var act = () => evaluator.Evaluate(FactsOf(null, null, Vehicle(Vin1), Vehicle(Vin2)));

        var error = act.Should().Throw<EngagementEvaluationException>().Which;
        error.CustomerId.Should().Be("C1");
        error.InnerException.Should().BeOfType<RuleMatchLimitException>().Which.RuleIds.Should().Equal("every-triple-of-vehicles");
    }

    [Test]
    public void Evaluate_DefaultSessionOptions_StopACrossProductAtTheEvaluatorsMatchGuard()
    {
        var rule = new RuleBuilder("every-four-touches");
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            rule = rule.Match<TouchSent>(name);
        }

        var evaluator = EngagementEvaluator.Create(RuleCompiler.Compile([rule.Action((IActionContext ctx) => ctx.Halt()).Build()]), new FakeClock(Now));
        var touches = Enumerable.Range(1, 20).Select(i => (object)Sent($"T{i}", TouchClass.Service, "service.oil", Now - Duration.FromDays(i))).ToArray();

        // 20 + 400 + 8,000 + 160,000: past the evaluator's 100,000, far below the engine's own default.
        var act = () => evaluator.Evaluate(FactsOf(null, null, touches));

        act.Should().Throw<EngagementEvaluationException>().WithInnerException<RuleMatchLimitException>()
            .Which.Limit.Should().Be(EngagementEvaluator.DefaultSessionOptions.MaxPartialMatches).And.BeLessThan(SessionOptions.Default.MaxPartialMatches);
    }

    [Test]
    public void Create_InvalidSessionOptions_ThrowsNamingTheSessionsParameterAndEverySetting()
    {
        var act = () => EngagementEvaluator.Create(DealershipRules, new FakeClock(Now), session: new SessionOptions { MaxFiringsPerFire = 0, MaxRetainedPerKind = -1 });

        act.Should().Throw<System.ArgumentOutOfRangeException>().WithMessage("*MaxFiringsPerFire*MaxRetainedPerKind*")
            .Which.ParamName.Should().Be("session", "the host passed the settings as that argument");
    }

    private static void FireThenCancelAtFive(ref int fired, CancellationTokenSource cancellation, IActionContext context, Customer customer)
    {
        if (++fired == 5)
        {
            cancellation.Cancel();
        }

        context.Update(NextVersion(customer));
    }

    private static void Count(int[] fired, IActionContext context, Customer customer)
    {
        fired[0]++;
        context.Update(NextVersion(customer));
    }

    private static Customer NextVersion(Customer customer) => customer with { HouseholdSize = (customer.HouseholdSize ?? 0) % 5 + 1 };
}
