using NodaTime;

namespace Engagement.Rules.Yaml.Tests.Expressions;

public sealed partial class ExpressionCompilerTest
{
    [TestCase("'plain'", "plain")]
    [TestCase("\"double\"", "double")]
    [TestCase(@"'it\'s'", "it's")]
    [TestCase(@"""say \""hi\""""", "say \"hi\"")]
    [TestCase(@"'a\\b'", @"a\b")]
    [TestCase(@"'tab\there'", "tab\there")]
    [TestCase(@"'\u0041BC'", "ABC")]
    [TestCase("''", "")]
    public void Compile_TextLiteral_HasItsValue(string text, string expected) =>
        _fixture.Evaluate<string>(text).Should().Be(expected);

    [Test]
    public void Compile_NumberLiterals_HaveTheirTypes()
    {
        _fixture.Evaluate("42").Should().Be(42);
        _fixture.Evaluate("3000000000").Should().Be(3_000_000_000L);
        _fixture.Evaluate("1.25").Should().Be(1.25m);
        _fixture.Evaluate("true").Should().Be(true);
        _fixture.Evaluate("false").Should().Be(false);
    }

    [Test]
    public void Compile_DateAndTimeLiterals_HaveTheirValues()
    {
        _fixture.Evaluate("2026-03-01").Should().Be(new LocalDate(2026, 3, 1));
        _fixture.Evaluate("08:30").Should().Be(new LocalTime(8, 30));
        _fixture.Evaluate("23:59:58").Should().Be(new LocalTime(23, 59, 58));
    }

    [TestCase("30 days", 0, 0, 0, 30)]
    [TestCase("1 day", 0, 0, 0, 1)]
    [TestCase("2 weeks", 0, 0, 2, 0)]
    [TestCase("6 months", 0, 6, 0, 0)]
    [TestCase("1 year", 1, 0, 0, 0)]
    [TestCase("3 years", 3, 0, 0, 0)]
    public void Compile_PeriodLiteral_IsAPeriod(string text, int years, int months, int weeks, int days) =>
        _fixture.Evaluate(text).Should().Be(new PeriodBuilder { Years = years, Months = months, Weeks = weeks, Days = days }.Build());

    [TestCase("3 hours", 3 * 3600)]
    [TestCase("1 hour", 3600)]
    [TestCase("15 minutes", 15 * 60)]
    [TestCase("10 seconds", 10)]
    public void Compile_DurationLiteral_IsADuration(string text, int seconds) =>
        _fixture.Evaluate(text).Should().Be(Duration.FromSeconds(seconds));

    [TestCase("1 + 2 * 3", 7)]
    [TestCase("(1 + 2) * 3", 9)]
    [TestCase("10 - 4 - 3", 3)]
    [TestCase("2 * 3 % 4", 2)]
    [TestCase("7 % 4", 3)]
    [TestCase("7 / 2", 3)]
    [TestCase("-2 * 3", -6)]
    [TestCase("- -2", 2)]
    [TestCase("-(1 + 2)", -3)]
    [TestCase("points ?? 0 + 1", 6)]
    public void Compile_Arithmetic_FollowsPrecedence(string text, int expected) =>
        _fixture.Evaluate(text).Should().Be(expected);

    [TestCase("true or false and false", true)]
    [TestCase("(true or false) and false", false)]
    [TestCase("not true or true", true)]
    [TestCase("not (true or true)", false)]
    [TestCase("not 1 == 2", true)]
    [TestCase("not not true", true)]
    [TestCase("1 + 1 == 2 and 2 * 2 == 4", true)]
    [TestCase("1 < 2", true)]
    [TestCase("2 <= 2", true)]
    [TestCase("3 > 2", true)]
    [TestCase("2 >= 3", false)]
    [TestCase("1 != 1", false)]
    [TestCase("'a' < 'b'", true)]
    [TestCase("'B' < 'a'", true)]
    [TestCase("'abc' == 'abc'", true)]
    [TestCase("'abc' == 'ABC'", false)]
    public void Compile_Conditions_FollowPrecedence(string text, bool expected) =>
        _fixture.Condition(text).Should().Be(expected);

    [TestCase("5 between 5 and 10", true)]
    [TestCase("10 between 5 and 10", true)]
    [TestCase("4 between 5 and 10", false)]
    [TestCase("11 between 5 and 10", false)]
    [TestCase("vehicle.modelYear between 2020 and 2022 and vehicle.isOwned", true)]
    [TestCase("today() between 2026-03-15 and 2026-03-15", true)]
    [TestCase("length(customer.firstName) between 1 and 3", true)]
    public void Compile_Between_IsInclusive(string text, bool expected) =>
        _fixture.Condition(text).Should().Be(expected);

    [TestCase("vehicle.modelYear in [2020, 2021]", true)]
    [TestCase("vehicle.modelYear in [2019]", false)]
    [TestCase("vehicle.modelYear not in [2019, 2020]", true)]
    [TestCase("customer.firstName in ['Bob', 'Ada']", true)]
    [TestCase("vehicle.lastTouch in [Reminder, Offer]", true)]
    [TestCase("vehicle.lastTouch not in [Reminder, Greeting]", true)]
    [TestCase("'vip' in customer.tags", true)]
    [TestCase("'gold' in customer.tags", false)]
    [TestCase("'gold' not in customer.tags", true)]
    [TestCase("Reminder in kinds", true)]
    [TestCase("Offer in kinds", false)]
    [TestCase("daysUntil(2026-03-20) in [5, 6]", true)]
    public void Compile_In_TestsMembership(string text, bool expected) =>
        _fixture.Condition(text).Should().Be(expected);

    [Test]
    public void Compile_MemberAccess_MapsCamelCaseToProperties()
    {
        _fixture.Evaluate("vehicle.modelYear").Should().Be(2021);
        _fixture.Evaluate("vehicle.ownerCustomerId").Should().Be("c-1");
        _fixture.Evaluate("customer.balance").Should().Be(12.5m);
        _fixture.Evaluate("vehicle.mileage").Should().Be(42_000L);
    }

    [Test]
    public void Compile_WhitespaceAndNewlines_AreIgnored() =>
        _fixture.Condition("  vehicle.isOwned\n  and vehicle.modelYear\t> 2020 ").Should().BeTrue();
}
