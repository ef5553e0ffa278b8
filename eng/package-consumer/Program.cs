// A consumer of the packed packages: proves that they restore, that their public API is usable from
// outside the repository, and that a rule file loads, compiles and fires through the packaged engine.
using System;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Yaml;
using NodaTime;

const string rule = """
apiVersion: engagement-rules/v1
rules:
  - id: consumer-check
    description: Answers a ping signal with a pong signal.
    when:
      - signal: Signal
        where: signal.name == "ping"
    then:
      - signal: { name: pong, customer: signal }
""";

var loaded = new RuleFileLoader().LoadFromText("consumer.yaml", rule);
if (!loaded.Success)
{
    Console.Error.WriteLine(loaded.FormatDiagnostics());
    return 1;
}

using var session = RuleCompiler.Compile(loaded.Rules).CreateSession();
session.Insert(new EvaluationContext(Instant.FromUtc(2026, 11, 24, 12, 0), DateTimeZoneProviders.Tzdb["America/Chicago"]));
session.Insert(new Engagement.Rules.Chaining.Signal("ping", "C1"));
var fired = session.Fire();
var pongs = session.Query<Engagement.Rules.Chaining.Signal>().Count(s => s.Name == "pong");
Console.WriteLine($"package consumer: {loaded.Rules.Count} rule loaded, {fired} fired, {pongs} signal derived, kinds include {TouchKind.Reminder}");
return fired == 1 && pongs == 1 ? 0 : 1;
