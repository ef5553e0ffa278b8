using System.Linq;
using Engagement.Rules.DependencyInjection.Tests.Support;
using Engagement.Rules.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engagement.Rules.DependencyInjection.Tests;

public sealed class EngagementTelemetryTest
{
    [Test]
    public void Evaluate_WithMeterFactory_ReportsEveryInstrument()
    {
        using var metrics = new MetricsCollector();
        using var provider = Services.Build(o => o.AddRuleText("trade-in.yaml", Given.TradeInRule()), s => s.AddSingleton<System.Diagnostics.Metrics.IMeterFactory>(metrics));
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();

        var results = new[]
        {
            evaluator.Evaluate(Given.For("C1", new TradeInAppraisal("C1", 900_000))),
            evaluator.Evaluate(Given.For("C2", new TradeInAppraisal("C2", 100_000))),
            evaluator.Evaluate(Given.For("C3", new TradeInAppraisal("C3", 900_000))),
        };

        metrics.Meters.Should().ContainSingle().Which.Name.Should().Be(EngagementTelemetry.MeterName);
        metrics.Sum(EngagementTelemetry.EvaluationsInstrument, m => m.Tags["outcome"] == "ok").Should().Be(3);
        metrics.Of(EngagementTelemetry.EvaluationDurationInstrument).Should().HaveCount(3).And.OnlyContain(m => m.Value >= 0);
        metrics.Of(EngagementTelemetry.RulesFiredInstrument).Should().HaveCount(2).And.OnlyContain(m => m.Tags["rule.id"] == "trade-in-offer");
        var decided = results.Sum(r => r.Decisions.Count);
        decided.Should().BeGreaterThan(0);
        metrics.Sum(EngagementTelemetry.TouchesDecidedInstrument, m => m.Tags["touch.class"] == "marketing" && m.Tags["touch.channel"] == "email").Should().Be(decided);
        metrics.Sum(EngagementTelemetry.TouchesSuppressedInstrument).Should().Be(results.Sum(r => r.Suppressed.Count + r.HeldOut.Count));
    }

    [Test]
    public void Evaluate_SuppressedTouch_IsCountedByReasonAndClass()
    {
        using var metrics = new MetricsCollector();
        using var provider = Services.Build(o => o.AddRuleText("trade-in.yaml", Given.TradeInRule()), s => s.AddSingleton<System.Diagnostics.Metrics.IMeterFactory>(metrics));
        var customer = Given.Customer("C1") with { Consents = [] };
        var facts = new CustomerFacts(customer, Given.Dealership(), [new TradeInAppraisal("C1", 900_000)]);

        var result = provider.GetRequiredService<IEngagementEvaluator>().Evaluate(facts);

        var suppressed = result.Suppressed.Should().ContainSingle().Subject;
        metrics.Of(EngagementTelemetry.TouchesSuppressedInstrument).Should().ContainSingle()
            .Which.Tags.Should().Contain("touch.class", "marketing").And.Contain("suppression.reason", SnakeCase(suppressed.Reason.ToString()));
        metrics.Of(EngagementTelemetry.TouchesDecidedInstrument).Should().BeEmpty();
    }

    [Test]
    public void Evaluate_WithLoggerFactory_LogsEvaluationsWithEventIds()
    {
        using var logs = new FakeLoggerFactory();
        using var provider = Services.Build(o => o.AddRuleText("trade-in.yaml", Given.TradeInRule()), s => s.AddSingleton<ILoggerFactory>(logs));

        provider.GetRequiredService<IEngagementEvaluator>().Evaluate(Given.For("C7", new TradeInAppraisal("C7", 900_000)));

        logs.WithEvent(2000).Should().ContainSingle().Which.Message.Should().Contain("Loaded 1 engagement rules");
        var evaluated = logs.WithEvent(1000).Should().ContainSingle().Subject;
        evaluated.Category.Should().Be(EngagementTelemetry.LoggerCategory);
        evaluated.Level.Should().Be(LogLevel.Debug);
        evaluated.Message.Should().Contain("C7").And.Contain("1 decided");
    }

    [Test]
    public void Evaluate_UnknownTimeZone_LogsTheDiagnosticAsWarning()
    {
        using var logs = new FakeLoggerFactory();
        using var provider = Services.Build(o => o.AddRuleText("trade-in.yaml", Given.TradeInRule()), s => s.AddSingleton<ILoggerFactory>(logs));
        var facts = new CustomerFacts(Given.Customer("C1") with { TimeZoneId = "Mars/Olympus" }, Given.Dealership(), []);

        provider.GetRequiredService<IEngagementEvaluator>().Evaluate(facts);

        logs.WithEvent(1002).Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains("Mars/Olympus"));
    }

    [Test]
    public void Telemetry_WithoutFactories_CountsOnItsOwnMeter()
    {
        using var telemetry = new EngagementTelemetry();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        long evaluations = 0;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EngagementTelemetry.MeterName && instrument.Name == EngagementTelemetry.EvaluationsInstrument)
            {
                l.EnableMeasurementEvents(instrument, telemetry);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, state) =>
        {
            if (ReferenceEquals(state, telemetry))
            {
                System.Threading.Interlocked.Add(ref evaluations, value);
            }
        });
        listener.Start();
        var load = new Yaml.RuleFileLoader(new Yaml.RuleLoaderOptions { Catalog = Yaml.BuiltInFactTypes.CreateCatalog().Register<Rules.Facts.Customer>().Register<TradeInAppraisal>() })
            .LoadFromText("trade-in.yaml", Given.TradeInRule());
        load.Success.Should().BeTrue(load.FormatDiagnostics());
        var evaluator = EngagementEvaluator.Create(Engine.RuleCompiler.Compile(load.Rules), new NodaTime.Testing.FakeClock(Given.Now), null, telemetry);

        evaluator.Evaluate(Given.For("C1", new TradeInAppraisal("C1", 900_000)));
        evaluator.Evaluate(Given.For("C2"));

        System.Threading.Interlocked.Read(ref evaluations).Should().Be(2);
    }

    [Test]
    public void Evaluate_RulesFail_CountsAFailureAndLogsTheException()
    {
        using var metrics = new MetricsCollector();
        using var logs = new FakeLoggerFactory();
        using var provider = Services.Build(
            o => o.AddFactType<Exploding>("Exploding").AddRuleText("explode.yaml", """
                apiVersion: engagement-rules/v1
                rules:
                  - id: explode
                    when:
                      - customer: Customer
                      - thing: Exploding
                        where: thing.value > 1
                    then:
                      - touch: { kind: offer, class: marketing, topic: t, reason: "never" }
                """),
            s => s.AddSingleton<System.Diagnostics.Metrics.IMeterFactory>(metrics).AddSingleton<ILoggerFactory>(logs));
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();

        var act = () => evaluator.Evaluate(Given.For("C9", new Exploding()));

        act.Should().Throw<EngagementEvaluationException>();
        metrics.Of(EngagementTelemetry.EvaluationsInstrument).Should().ContainSingle().Which.Tags["outcome"].Should().Be("failed");
        metrics.Of(EngagementTelemetry.EvaluationDurationInstrument).Should().ContainSingle().Which.Tags["outcome"].Should().Be("failed");
        logs.WithEvent(1001).Should().ContainSingle().Which.Should().Match<LogEntry>(e => e.Level == LogLevel.Error && e.Message.Contains("C9") && e.Exception is EngagementEvaluationException);
    }

    /// <summary>A host fact whose property throws, as a defect in host code would.</summary>
    public sealed class Exploding
    {
        private readonly string _reason = "boom";

        public int Value => throw new System.InvalidOperationException(_reason);
    }

    private static string SnakeCase(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
