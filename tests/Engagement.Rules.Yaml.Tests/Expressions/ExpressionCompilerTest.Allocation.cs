using System;
using System.Linq;
using System.Threading.Tasks;
using Engagement.Rules.Evaluation;
using NodaTime;

namespace Engagement.Rules.Yaml.Tests.Expressions;

public sealed partial class ExpressionCompilerTest
{
    [Test]
    public void Evaluate_TypicalCondition_AllocatesNothing()
    {
        var compiled = _fixture.Compile(
            "vehicle.isOwned and vehicle.modelYear between 2020 and 2022 and vehicle.lastTouch in [Reminder, Offer]"
            + " and (vehicle.purchaseDate ?? 2000-01-01) < 2025-01-01 and vehicle.plate.region == 'FR' and vehicle.preferred == Sms"
            + " and vehicle.rating > 1 and vehicle.ownerCustomerId != 'x'",
            typeof(bool))!;
        var condition = (Func<Vehicle, bool>)compiled.ToLambda().Compile();
        var vehicle = _fixture.Vehicle;

        condition(vehicle).Should().BeTrue();
        for (var i = 0; i < 200; i++)
        {
            condition(vehicle);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            condition(vehicle);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Test]
    public void Evaluate_ConditionWithDateFunctions_AllocatesNothing()
    {
        var compiled = _fixture.Compile(
            "daysUntil(vehicle.registeredOn) < 0 and has(vehicle.purchaseDate) and yearsSince(vehicle.purchaseDate) >= 1"
            + " and season(today()) == Spring and nextOccurrence(vehicle.registeredOn) > today() and date(vehicle.lastSeen) <= today()"
            + " and daysUntil(today() + 30 days) between 29 and 31 and now() - vehicle.lastSeen < vehicle.serviceInterval",
            typeof(bool))!;
        compiled.Declarations.Select(d => d.Type).Should().Equal(typeof(Vehicle), typeof(EvaluationContext));
        var condition = (Func<Vehicle, EvaluationContext, bool>)compiled.ToLambda().Compile();
        var vehicle = _fixture.Vehicle;
        var context = new EvaluationContext(Instant.FromUtc(2026, 3, 15, 10, 0), DateTimeZoneProviders.Tzdb["Europe/Paris"]);

        condition(vehicle, context).Should().BeTrue();
        for (var i = 0; i < 200; i++)
        {
            condition(vehicle, context);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            condition(vehicle, context);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Test]
    public void Compile_FromSeveralThreads_GivesTheSameResults()
    {
        string[] texts =
        [
            "has(vehicle.purchaseDate) and yearsSince(vehicle.purchaseDate) >= 1",
            "customer.status == Active and 'vip' in customer.tags",
            "custmer.status == Active",
            "vehicle.modelYear >",
        ];
        var results = new string[64];
        Parallel.For(0, results.Length, i =>
        {
            var fixture = new ExpressionFixture();
            var compiled = fixture.Compile(texts[i % texts.Length], typeof(bool));
            results[i] = compiled is null ? string.Join("|", fixture.Diagnostics.Items.Select(d => d.Format())) : compiled.Body.ToString();
        });

        for (var i = texts.Length; i < results.Length; i++)
        {
            results[i].Should().Be(results[i % texts.Length]);
        }
    }
}
