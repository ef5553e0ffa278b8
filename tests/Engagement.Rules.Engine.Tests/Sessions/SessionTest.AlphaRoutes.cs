using System.Linq;
using Engagement.Rules.Engine.Compilation;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Sessions;

/// <summary>
/// A fact type's alpha tests run compiled into one delegate, or interpreted when the tree is too large: both walk
/// the same tree (same memories, same errors).
/// </summary>
public sealed partial class SessionTest
{
    [TestCase(40)]
    [TestCase(300)]
    public void Insert_ManySingleFactTests_EachRuleMatchesItsFacts(int rules)
    {
        // One test per rule on the same type: 41 alpha nodes are compiled, 301 exceed AlphaRouteCompiler.MaxNodes.
        (rules + 1 > AlphaRouteCompiler.MaxNodes).Should().Be(rules == 300);
        var definitions = Enumerable.Range(0, rules)
            .Select(k => new RuleBuilder($"after-{k}").Match<Vehicle>("v", v => v.Year > k).Action((IActionContext ctx) => ctx.Halt()).Build())
            .ToArray();
        var session = Session(definitions);

        session.InsertAll([new Vehicle(1, 1, 3), new Vehicle(2, 1, 25), new Vehicle(3, 1, 0)]);

        var matched = session.GetAgenda().Select(m => $"{m.Rule.Id}:{((Vehicle)m.Facts[0]).Id}").Order().ToArray();
        var expected = Enumerable.Range(0, rules)
            .SelectMany(k => new[] { (Id: 1, Year: 3), (Id: 2, Year: 25), (Id: 3, Year: 0) }.Where(v => v.Year > k).Select(v => $"after-{k}:{v.Id}"))
            .Order().ToArray();
        matched.Should().Equal(expected);
    }

    [Test]
    public void Insert_DispatchedBranchWithAFailingTest_WrappedWithItsRule()
    {
        RuleDefinition Tier(string id, string tier) => new RuleBuilder(id).Match<Customer>("c", c => c.Tier == tier).Action((IActionContext ctx) => ctx.Halt()).Build();
        var fragile = new RuleBuilder("fragile-gold")
            .Match<Customer>("c", c => c.Tier == "gold", c => 100 / c.Age > 1)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(Tier("silver", "silver"), Tier("bronze", "bronze"), Tier("gold", "gold"), fragile);

        session.InsertAll([new Customer(1, "silver"), new Customer(2, "gold") { Age = 20 }]);
        session.GetAgenda().Select(m => m.Rule.Id).Order().Should().Equal("fragile-gold", "gold", "silver");

        var act = () => session.Insert(new Customer(3, "gold") { Age = 0 });

        act.Should().Throw<RuleConditionException>().Which.RuleId.Should().Be("fragile-gold");
    }
    // A dispatch group of up to AlphaRouteCompiler.MaxInlineBranches branches compares its key with each constant
    // inline, a larger one looks it up: both take the branch of the key's constant (or none), and a key that throws
    // is reported with the group's rule.
    [TestCase(3)]
    [TestCase(12)]
    public void Insert_DispatchedOnAKey_TakesTheBranchOfItsConstantOrReportsTheKeyThatThrew(int branches)
    {
        (branches > AlphaRouteCompiler.MaxInlineBranches).Should().Be(branches == 12);
        var rules = Enumerable.Range(0, branches)
            .Select(k => new RuleBuilder($"length-{k}").Match<Customer>("c", c => c.Tier.Length == k).Action((IActionContext ctx) => ctx.Halt()).Build())
            .ToArray();
        var compiled = RuleCompiler.Compile(rules);
        compiled.DumpNetwork().Should().Contain($"hash dispatch on c => c.Tier.Length ({branches} branches)");
        var session = compiled.CreateSession();

        session.InsertAll([new Customer(1, "ab"), new Customer(2, new string('x', 40)), new Customer(3, string.Empty)]);

        session.GetAgenda().Select(m => $"{m.Rule.Id}:{((Customer)m.Facts[0]).Id}").Order().Should().Equal("length-0:3", "length-2:1");
        var act = () => session.Insert(new Customer(4) { Tier = null! });
        act.Should().Throw<RuleConditionException>().Which.RuleId.Should().Be("length-0");
    }
}
