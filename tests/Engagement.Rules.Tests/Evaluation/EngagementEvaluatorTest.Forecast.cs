using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Decisions;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

public sealed partial class EngagementEvaluatorTest
{
    [Test]
    public void Forecast_ThirtyDays_HonoursCapsCooldownsAndTheDailyBudget()
    {
        // Every day: a fresh offer (new topic) and the same service reminder topic.
        var evaluator = Evaluator(null, (_, context) =>
        [
            Proposal("offer", TouchClass.Marketing, "offer." + context.Today.ToString("yyyy-MM-dd", null), context.Today),
            Proposal("oil", TouchClass.Service, "service.oil", context.Today, vin: Vin1),
        ]);

        var forecast = evaluator.Forecast(FactsOf(null, null, Vehicle()), Now, 30);

        forecast.DailyResults.Should().HaveCount(30);
        forecast.Decisions.Count(t => t.Topic == "service.oil").Should().Be(1, "the 30-day cooldown holds across the horizon");
        var marketing = forecast.Decisions.Where(t => t.Class == TouchClass.Marketing).Select(t => t.DueAt).ToArray();
        marketing.Should().NotBeEmpty();
        foreach (var at in marketing)
        {
            marketing.Count(other => other >= at && other < at + Duration.FromDays(7)).Should().BeLessThanOrEqualTo(2, "at most 2 marketing touches in any 7 days");
        }

        forecast.Decisions.GroupBy(t => t.DueLocal.Date).Should().OnlyContain(g => g.Count() == 1, "one non-safety touch per day");
        forecast.DailyResults.SelectMany(r => r.Suppressed).Should().Contain(s => s.Reason == SuppressionReason.FrequencyCap);
    }

    [Test]
    public void Forecast_EvaluatesAtTheSameLocalTimeEachDayAcrossDaylightSaving()
    {
        var evaluator = Evaluator(null, (_, _) => []);
        var from = new LocalDateTime(2026, 3, 6, 9, 0).InZoneStrictly(NewYork).ToInstant();

        var forecast = evaluator.Forecast(FactsOf(), from, 4);

        forecast.DailyResults.Select(r => r.EvaluatedAt.InZone(NewYork).TimeOfDay).Should().OnlyContain(t => t == new LocalTime(9, 0));
    }

    [Test]
    public void Forecast_TheSameOccurrenceProposedDaily_IsDecidedOnce()
    {
        var due = Today.PlusDays(2);
        var evaluator = Evaluator(null, (_, _) => [Proposal("inspection", TouchClass.Service, "service.inspection", due)]);

        var forecast = evaluator.Forecast(FactsOf(null, null, Vehicle()), Now, 5);

        forecast.Decisions.Should().ContainSingle().Which.DueLocal.Date.Should().Be(due);
        forecast.DailyResults.Skip(1).SelectMany(r => r.Suppressed).Should().OnlyContain(s => s.Reason == SuppressionReason.AlreadySent);
    }

    [Test]
    public void Forecast_Lists_CannotBeChangedByTheCaller()
    {
        var evaluator = Evaluator(null, (_, _) => [Proposal("inspection", TouchClass.Service, "service.inspection", Today)]);

        var forecast = evaluator.Forecast(FactsOf(null, null, Vehicle()), Now, 2);

        forecast.Decisions.Should().NotBeEmpty();
        var decisions = (IList<TouchDecision>)forecast.Decisions;
        var days = (IList<EngagementResult>)forecast.DailyResults;
        ((Action)(() => decisions.Add(forecast.Decisions[0]))).Should().Throw<NotSupportedException>();
        ((Action)(() => decisions[0] = forecast.Decisions[0] with { Topic = "changed" })).Should().Throw<NotSupportedException>();
        ((Action)(() => days.RemoveAt(0))).Should().Throw<NotSupportedException>();
        forecast.Decisions[0].Topic.Should().Be("service.inspection");
    }
}
