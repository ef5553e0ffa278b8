using System;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Policies;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

/// <summary>
/// EngagementEvaluator.EarliestInstant and LatestInstant are the evaluator's own range (what it accepts, how far a
/// forecast may run, the latest due day), so a host or the CLI can check an instant without copying the rule.
/// </summary>
public sealed partial class EngagementEvaluatorTest
{
    private static readonly PolicyOptions ShortSearch = PolicyOptions.Default with { QuietHours = new QuietHoursOptions { SearchHorizonDays = 10 } };

    [Test]
    public void LatestInstant_DefaultOptions_IsTheDocumentedInstant()
    {
        EngagementEvaluator.LatestInstant().Should().Be(Instant.FromUtc(9999, 10, 30, 0, 0));
        EngagementEvaluator.LatestInstant(PolicyOptions.Default).Should().Be(EngagementEvaluator.LatestInstant());
        EngagementEvaluator.EarliestInstant.Should().Be(Instant.FromUtc(1, 1, 1, 0, 0));
    }

    [TestCase(null)]
    [TestCase(10)]
    [TestCase(3660)]
    public void Evaluate_AtTheLatestInstant_RunsAndOneTickLaterIsRefused(int? searchHorizonDays)
    {
        var options = searchHorizonDays is { } days ? PolicyOptions.Default with { QuietHours = new QuietHoursOptions { SearchHorizonDays = days } } : null;
        var latest = EngagementEvaluator.LatestInstant(options);
        var evaluator = Evaluator(options, Proposal("x1", TouchClass.Service));

        evaluator.Evaluate(FactsOf(null, null, Vehicle()), latest).Decisions.Should().ContainSingle();
        var act = () => evaluator.Evaluate(FactsOf(null, null, Vehicle()), latest + Duration.Epsilon);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.Message.Should().Contain($"is after {latest}");
    }

    [Test]
    public void Evaluate_AtTheEarliestInstant_RunsAndOneTickEarlierIsRefused()
    {
        var evaluator = Evaluator(null, Proposal("x1", TouchClass.Service));

        evaluator.Evaluate(FactsOf(null, null, Vehicle()), EngagementEvaluator.EarliestInstant).Decisions.Should().ContainSingle();
        var act = () => evaluator.Evaluate(FactsOf(null, null, Vehicle()), EngagementEvaluator.EarliestInstant - Duration.Epsilon);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("at");
    }

    [Test]
    public void LatestInstant_ItsDayIsTheLatestDueDayAProposalMayHave()
    {
        var latestDay = EngagementEvaluator.LatestInstant(ShortSearch).InUtc().Date;

        var onTheDay = Evaluate([Proposal("x1", TouchClass.Service, due: latestDay)], options: ShortSearch);
        var dayAfter = Evaluate([Proposal("x1", TouchClass.Service, due: latestDay.PlusDays(1))], options: ShortSearch);

        onTheDay.Decisions.Should().ContainSingle();
        dayAfter.Suppressed.Should().ContainSingle().Which.Reason.Should().Be(SuppressionReason.InvalidProposal);
        dayAfter.Diagnostics.Single().Message.Should().EndWith($"the latest due day it can search from is {latestDay:yyyy'-'MM'-'dd}");
    }

    [Test]
    public void Forecast_LastDayAtTheLatestInstant_RunsAndOneDayMoreIsRefused()
    {
        var latest = EngagementEvaluator.LatestInstant(ShortSearch);
        var evaluator = Evaluator(ShortSearch, Proposal("x1", TouchClass.Service));
        var utc = FactsOf(Customer(zone: "Etc/UTC"), null, Vehicle());

        evaluator.Forecast(utc, latest - Duration.FromDays(9), 10).DailyResults.Should().HaveCount(10);
        var act = () => evaluator.Forecast(utc, latest - Duration.FromDays(9), 11);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("from").Which.Message.Should().Contain($"would evaluate after {latest}");
    }

    [Test]
    public void LatestInstant_InvalidOptions_ThrowsListingTheProblem()
    {
        var act = () => EngagementEvaluator.LatestInstant(PolicyOptions.Default with { QuietHours = new QuietHoursOptions { SearchHorizonDays = 0 } });

        act.Should().Throw<PolicyOptionsException>().Which.Errors.Should().Contain(e => e.StartsWith("QuietHours.SearchHorizonDays", StringComparison.Ordinal));
    }
}
