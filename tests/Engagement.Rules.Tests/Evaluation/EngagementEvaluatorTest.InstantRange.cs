using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Engagement.Rules.Decisions;
using NodaTime;
using NodaTime.Testing;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

// Instants the calendar cannot follow (a sentinel such as Instant.MinValue, a forecast running past 9999-12-31) are
// the host's argument errors, not "the rules failed" with an internal message about days since the epoch.
public sealed partial class EngagementEvaluatorTest
{
    [Test]
    public void Evaluate_InstantMinValue_IsAnArgumentErrorNotARulesFailure()
    {
        var act = () => Evaluator(null, Proposal("x1")).Evaluate(FactsOf(null, null, Vehicle()), Instant.MinValue);

        var error = act.Should().Throw<ArgumentOutOfRangeException>().Which;
        error.ParamName.Should().Be("at");
        error.Message.Should().Contain("is before 0001-01-01T00:00:00Z").And.NotContain("daysSinceEpoch");
    }

    [Test]
    public void Evaluate_FirstInstantOfYearOne_IsEvaluated()
    {
        var result = Evaluator(null, Proposal("x1", TouchClass.Service)).Evaluate(FactsOf(null, null, Vehicle()), Instant.FromUtc(1, 1, 1, 0, 0));

        result.Decisions.Should().ContainSingle();
    }

    [Test]
    public async Task EvaluateAsync_ClockAtInstantMinValue_FailsOnceBeforeReadingTheSource()
    {
        var read = 0;
        var evaluator = Evaluator(null, (_, _) => [Proposal("x1")], new FakeClock(Instant.MinValue));

        var act = async () => await evaluator.EvaluateAsync(Customers(() => read++), 2, default).ToArrayAsync();

        // No argument of the call is at fault: the evaluator's clock is (it was a range error naming a 'clock' parameter).
        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().StartWith("The evaluator's clock is out of range. The evaluation instant");
        read.Should().Be(0);
    }

    [Test]
    public void Evaluate_InstantMaxValue_IsAnArgumentErrorNotAPolicyFailure()
    {
        // Any proposal made the contact-time search overflow: "The policies failed ...: Operation would overflow range of Instant".
        var act = () => Evaluator(null, Proposal("x1", TouchClass.Service)).Evaluate(FactsOf(null, null, Vehicle()), Instant.MaxValue);

        var error = act.Should().Throw<ArgumentOutOfRangeException>().Which;
        error.ParamName.Should().Be("at");
        error.Message.Should().Contain("is after 9999-10-30T00:00:00Z: the contact-time search looks up to 60 days past it");
    }

    [Test]
    public void Evaluate_LatestInstant_DecidesWithinTheCalendar()
    {
        var result = Evaluator(null, Proposal("x1", TouchClass.Service)).Evaluate(FactsOf(null, null, Vehicle()), Instant.FromUtc(9999, 10, 30, 0, 0));

        result.Decisions.Should().ContainSingle();
    }

    [Test]
    public void Forecast_PastTheEndOfTheCalendar_IsAnArgumentError()
    {
        var act = () => Evaluator(null, Proposal("x1")).Forecast(FactsOf(null, null, Vehicle()), Instant.FromUtc(9999, 10, 25, 12, 0), 10);

        var error = act.Should().Throw<ArgumentOutOfRangeException>().Which;
        error.ParamName.Should().Be("from");
        error.Message.Should().Contain("would evaluate after 9999-10-30T00:00:00Z");
    }

    [Test]
    public void Forecast_WhoseLastDayAfterADstChangePassesTheLatestInstant_IsAnArgumentError()
    {
        // Cairo falls back an hour at the end of 9999-10-28 (the last Thursday of October): the tenth day at the same
        // local time (02:30) is 9999-10-30T00:30Z, past the latest instant, while ten whole 24-hour days from 'from' end
        // at 9999-10-29T23:30Z. The check counted 24-hour days and let the forecast run past the limit.
        var cairo = FactsOf(Customer(zone: "Africa/Cairo", country: "EG", region: null), null, Vehicle());

        var act = () => Evaluator(null, Proposal("x1")).Forecast(cairo, Instant.FromUtc(9999, 10, 20, 23, 30), 10);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.Message.Should().Contain("would evaluate after 9999-10-30T00:00:00Z");
    }

    [Test]
    public void Forecast_EndingAtTheLatestInstant_Runs()
    {
        // The tenth day's instant is the latest one allowed (9999-10-30T00:00Z is 9999-10-29 20:00 in New York).
        var forecast = Evaluator(null, Proposal("x1", TouchClass.Service)).Forecast(FactsOf(null, null, Vehicle()), Instant.FromUtc(9999, 10, 20, 23, 0), 10);

        forecast.DailyResults.Should().HaveCount(10);
    }

    private static async IAsyncEnumerable<CustomerFacts> Customers(Func<int> onRead)
    {
        await Task.Yield();
        onRead();
        yield return FactsOf(null, null, Vehicle());
    }
}
