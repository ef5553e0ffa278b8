using System;
using System.Linq;

namespace Engagement.Rules.Engine.Tests.Sessions;

public sealed partial class SessionTest
{
    [Test]
    public void Dispose_LimitZeroOnAStateThatKeptAnEarlierSession_KeepsNoReferenceToTheSessionsFacts()
    {
        // MaxRetainedPerKind = 0 promises that nothing of the session is kept (threat-model.md): also when the pooled
        // state it ran on had kept the objects of an earlier session with the default limit, which it then reused.
        var compiled = RuleCompiler.Compile(PoolingRules());
        RunPooled(compiled, 3, 4);

        var facts = RunAndForget(compiled, new SessionOptions { MaxRetainedPerKind = 0 });
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        facts.Where(f => f.IsAlive).Should().BeEmpty();
        compiled.CreateSession().Dispose();
    }
}
