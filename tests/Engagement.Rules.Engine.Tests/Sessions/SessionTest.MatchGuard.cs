using System.Linq;

namespace Engagement.Rules.Engine.Tests.Sessions;

/// <summary>The match guard: SessionOptions.MaxPartialMatches.</summary>
public sealed partial class SessionTest
{
    // Three patterns that do not relate their vehicles: n^3 matches.
    private static Engagement.Rules.Engine.Model.RuleDefinition CrossProductRule() => new RuleBuilder("unrelated-vehicles")
        .Match<Vehicle>("a")
        .Match<Vehicle>("b")
        .Match<Vehicle>("c")
        .Action((IActionContext ctx) => ctx.Halt())
        .Build();

    [Test]
    public void InsertAll_CrossProductPastTheLimit_ThrowsNamingTheRule()
    {
        var session = RuleCompiler.Compile([CrossProductRule(), NoVehicleRule()])
            .CreateSession(new SessionOptions { MaxPartialMatches = 10_000 });

        // 30 vehicles: 30 + 900 + 27,000 partial matches.
        var act = () => session.InsertAll(Enumerable.Range(1, 30).Select(i => (object)new Vehicle(i, 1)));

        var error = act.Should().Throw<RuleMatchLimitException>().Which;
        error.Limit.Should().Be(10_000);
        error.RuleIds.Should().Equal("unrelated-vehicles");
        error.Message.Should().Contain("unrelated-vehicles").And.Contain("MaxPartialMatches");
    }

    [Test]
    public void InsertAll_CrossProductWithinTheLimit_AllMatches()
    {
        var session = RuleCompiler.Compile([CrossProductRule()]).CreateSession(new SessionOptions { MaxPartialMatches = 10_000 });

        // 20 vehicles: 1 (root) + 20 + 400 + 8,000 partial matches.
        session.InsertAll(Enumerable.Range(1, 20).Select(i => (object)new Vehicle(i, 1)));

        session.GetAgenda().Should().HaveCount(8_000);
    }

    [Test]
    public void Retract_FreesPartialMatches_ChurnNeverReachesTheLimit()
    {
        var session = RuleCompiler.Compile([CrossProductRule()]).CreateSession(new SessionOptions { MaxPartialMatches = 200 });
        var vehicles = Enumerable.Range(1, 5).Select(i => new Vehicle(i, 1)).ToArray();

        // 1 + 5 + 25 + 125 = 156 held at a time; 1,000 rounds make 155,000 over the session.
        for (var round = 0; round < 1_000; round++)
        {
            session.InsertAll(vehicles);
            session.GetAgenda().Should().HaveCount(125);
            foreach (var vehicle in vehicles)
            {
                session.Retract(vehicle);
            }
        }

        session.GetAgenda().Should().BeEmpty();
    }

    [Test]
    public void CreateSession_NonPositiveMatchLimit_Throws()
    {
        var compiled = RuleCompiler.Compile([CrossProductRule()]);

        var act = () => compiled.CreateSession(new SessionOptions { MaxPartialMatches = 0 });

        act.Should().Throw<System.ArgumentOutOfRangeException>().WithMessage("*MaxPartialMatches must be positive (was 0)*");
    }
}
