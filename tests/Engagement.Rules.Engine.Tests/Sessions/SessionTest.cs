using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Sessions;

/// <summary>Scenario tests of sessions: one partial file per concern.</summary>
public sealed partial class SessionTest
{
    private static ISession Session(params RuleDefinition[] rules) => RuleCompiler.Compile(rules).CreateSession();

    private static List<string> Fired(ISession session)
    {
        var fired = new List<string>();
        session.Events.RuleFired += (_, e) => fired.Add($"{e.Match.Rule.Id}({string.Join(",", e.Match.Facts)})");
        return fired;
    }

    private static string[] AgendaRules(ISession session) => session.GetAgenda().Select(m => m.Rule.Id).ToArray();
}
