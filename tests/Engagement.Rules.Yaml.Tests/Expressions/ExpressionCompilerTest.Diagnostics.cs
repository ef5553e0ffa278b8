using System;
using System.Linq;
using Engagement.Rules.Yaml.Diagnostics;
using NodaTime;

namespace Engagement.Rules.Yaml.Tests.Expressions;

public sealed partial class ExpressionCompilerTest
{
    /// <summary>The file column of a 0-based offset in the scalar (the fixture's scalar starts at column 12).</summary>
    private static int Column(int offset) => ExpressionFixture.Origin.Column + offset;

    private void ShouldFail(string text, string code, int offset, string messagePart, Type? expected = null)
    {
        var error = _fixture.Error(text, expected);
        error.Code.Should().Be(code, error.Format());
        error.Location.Should().Be(new SourceLocation("rules.yaml", 7, Column(offset)), error.Format());
        error.Message.Should().Contain(messagePart);
        error.RuleId.Should().Be("test-rule");
    }

    [TestCase("vehicle.modelYear >", 19)]
    [TestCase("vehicle.modelYear > > 3", 20)]
    [TestCase("(vehicle.isOwned", 16)]
    [TestCase("vehicle.isOwned)", 15)]
    [TestCase("vehicle. == 3", 9)]
    [TestCase("vehicle.modelYear 2021", 18)]
    public void Compile_SyntaxError_IsER2001AtTheToken(string text, int offset) =>
        ShouldFail(text, "ER2001", offset, "Syntax error");

    // Review F13: messages in the language's words, with the way out.
    [TestCase("1 < 2 < 3", "ER2001", 6, "Comparisons do not chain: write each one and join them with 'and', e.g. a < b and b < c")]
    [TestCase("(vehicle.modelYear == 2021 != true)", "ER2001", 27, "Comparisons do not chain")]
    [TestCase("today() < now()", "ER2030", 8, "Cannot compare a date with an instant.")]
    [TestCase("now() + 1 month", "ER2036", 10, "Months have no fixed length")]
    [TestCase("now() + 2 years", "ER2036", 10, "Years have no fixed length")]
    [TestCase("-customer.loyaltyPoints ?? 0", "ER2040", 1, "'-' applies before '??': write -(customer.loyaltyPoints ?? <default>)")]
    [TestCase("-customer.loyaltyPoints", "ER2040", 1, "write -(customer.loyaltyPoints ?? <default>), or test has(customer.loyaltyPoints) first")]
    [TestCase("-vehicle.purchaseDate", "ER2040", 1, "use vehicle.purchaseDate ?? <default>")]
    [TestCase("min(today(), now()) > today()", "ER2052", 13, "Argument 2 of min is an instant")]
    [TestCase("customer.firstName.length > 1", "ER2023", 19, "A text has no fields, so '.length' cannot be read. Use a text function with the text as argument, e.g. length(x)")]
    [TestCase("today() + 10000 years > today()", "ER2005", 10, "at most 9999 years")]
    [TestCase("today() + 120000 months > today()", "ER2005", 10, "at most 119988 months")]
    public void Compile_ReviewedMessage_SaysWhatToDo(string text, string code, int offset, string messagePart) =>
        ShouldFail(text, code, offset, messagePart);

    [TestCase("today() + 5 dayz", 12, "'dayz' is not a unit")]
    [TestCase("today() + 1.5 days", 14, "whole number")]
    public void Compile_BadQuantity_IsER2001WithTheUnits(string text, int offset, string messagePart) =>
        ShouldFail(text, "ER2001", offset, messagePart);

    [Test]
    public void Compile_EmptyText_IsER2001() => ShouldFail("   ", "ER2001", 0, "empty");

    [TestCase("vehicle.isOwned && true", 16, "and")]
    [TestCase("vehicle.isOwned || true", 16, "or")]
    [TestCase("vehicle.modelYear = 3", 18, "==")]
    [TestCase("!vehicle.isOwned", 0, "not")]
    [TestCase("vehicle.modelYear <> 3", 18, "!=")]
    [TestCase("vehicle.vin == #", 15, "#")]
    public void Compile_InvalidCharacter_IsER2002WithAHint(string text, int offset, string hint) =>
        ShouldFail(text, "ER2002", offset, hint);

    [Test]
    public void Compile_UnterminatedText_IsER2003() =>
        ShouldFail("customer.firstName == \"Ada", "ER2003", 22, "closing quote");

    [Test]
    public void Compile_UnknownEscape_IsER2004AtTheBackslash() =>
        ShouldFail("customer.firstName == 'a\\qb'", "ER2004", 24, "\\q");

    [TestCase("vehicle.registeredOn == 2026-02-30", 24, "not a valid date")]
    [TestCase("vehicle.preferredTime ?? 25:00", 25, "not a valid time")]
    [TestCase("vehicle.mileage > 99999999999999999999", 18, "too large")]
    [TestCase("today() + 5000000 days", 10, "too large")]
    public void Compile_InvalidLiteral_IsER2005(string text, int offset, string messagePart) =>
        ShouldFail(text, "ER2005", offset, messagePart);

    [Test]
    public void Compile_Null_IsER2006WithTheAlternatives() =>
        ShouldFail("customer.firstName == null", "ER2006", 22, "has(x.field)");

    [Test]
    public void Compile_TooLong_IsER2010()
    {
        var text = string.Join(" and ", Enumerable.Repeat("vehicle.isOwned", 300));
        ShouldFail(text, "ER2010", 0, "4096");
    }

    [Test]
    public void Compile_TooDeep_IsER2011AtTheFirstTokenPastTheLimit()
    {
        var text = new string('(', 70) + "1" + new string(')', 70);
        ShouldFail(text, "ER2011", 64, "64");
    }

    [Test]
    public void Compile_TooManyChainedOperators_IsER2012()
    {
        var text = string.Join(" + ", Enumerable.Repeat("1", 300));
        ShouldFail(text, "ER2012", 0, "256");
    }

    [Test]
    public void Compile_UnknownName_IsER2020WithDidYouMean() =>
        ShouldFail("custmer.status == Active", "ER2020", 0, "Did you mean 'customer'?");

    [Test]
    public void Compile_FunctionNameWithoutParentheses_IsER2020() =>
        ShouldFail("vehicle.registeredOn < today", "ER2020", 23, "today(...)");

    [TestCase("vehicle.modelyear > 2000", 8, "Did you mean 'modelYear'?")]
    [TestCase("vehicle.ModelYear > 2000", 8, "Did you mean 'modelYear'?")]
    [TestCase("vehicle.modelYr > 2000", 8, "Did you mean 'modelYear'?")]
    [TestCase("vehicle.colour == 'red'", 8, "fields are written in camelCase")]
    public void Compile_UnknownField_IsER2021(string text, int offset, string messagePart) =>
        ShouldFail(text, "ER2021", offset, messagePart);

    [Test]
    public void Compile_FieldOfUnsupportedType_IsER2022() =>
        ShouldFail("vehicle.callback == 1", "ER2022", 8, "cannot use");

    [Test]
    public void Compile_FieldOfADate_IsER2023() =>
        ShouldFail("vehicle.registeredOn.year == 2021", "ER2023", 21, "year(x)");

    [TestCase("vehicle.modelYear == '2021'", 18, "Cannot compare")]
    [TestCase("customer.status < Active", 16, "has no order")]
    [TestCase("vehicle.isOwned and 1", 20, "combines conditions")]
    [TestCase("not vehicle.modelYear", 0, "'not' needs a condition")]
    [TestCase("-customer.firstName", 0, "'-' needs a number")]
    [TestCase("customer.firstName * 2", 19, "'*' cannot combine")]
    [TestCase("vehicle.modelYear in customer.firstName", 21, "needs a list")]
    [TestCase("customer.loyaltyPoints ?? 'none'", 26, "must be a whole number")]
    public void Compile_TypeMismatch_IsER2030(string text, int offset, string messagePart) =>
        ShouldFail(text, "ER2030", offset, messagePart);

    [Test]
    public void Compile_ConditionThatIsNotBoolean_IsER2031() =>
        ShouldFail("vehicle.modelYear + 1", "ER2031", 0, "must be true or false", typeof(bool));

    [Test]
    public void Compile_ValueOfTheWrongType_IsER2031() =>
        ShouldFail("customer.firstName", "ER2031", 0, "Expected a date", typeof(LocalDate));

    [Test]
    public void Compile_TextComparedToEnum_IsER2032WithTheMemberToWrite() =>
        ShouldFail("customer.status == \"Active\"", "ER2032", 19, "write Active without quotes");

    [Test]
    public void Compile_UnknownEnumMember_IsER2033WithDidYouMean() =>
        ShouldFail("customer.status == Actve", "ER2033", 19, "Did you mean 'Active'?");

    [Test]
    public void Compile_DateMinusDate_IsER2034PointingToDaysBetween() =>
        ShouldFail("today() - vehicle.registeredOn > 30", "ER2034", 8, "daysBetween");

    [TestCase("[1, 2]", 0, "can only follow 'in'")]
    [TestCase("vehicle.modelYear in []", 21, "empty")]
    public void Compile_InvalidList_IsER2035(string text, int offset, string messagePart) =>
        ShouldFail(text, "ER2035", offset, messagePart);

    [TestCase("now() + 1 month", 10)]
    [TestCase("vehicle.lastSeen - 2 years", 21)]
    public void Compile_MonthsOnAnInstant_IsER2036(string text, int offset) =>
        ShouldFail(text, "ER2036", offset, "no fixed length");

    [Test]
    public void Compile_MaybeMissingFieldUsedDirectly_IsER2040WithBothRemedies() =>
        ShouldFail(
            "vehicle.purchaseDate < today()",
            "ER2040",
            0,
            "field 'purchaseDate' may be missing: test has(vehicle.purchaseDate) first (e.g. has(vehicle.purchaseDate) and ...) or use vehicle.purchaseDate ?? <default>");

    [Test]
    public void Compile_HasOnAFieldThatIsNeverMissing_IsWarningER2041()
    {
        _fixture.Compile("has(vehicle.vin) and vehicle.isOwned", typeof(bool)).Should().NotBeNull();
        var warning = _fixture.Diagnostics.Items.Should().ContainSingle().Subject;
        warning.Severity.Should().Be(DiagnosticSeverity.Warning);
        warning.Code.Should().Be("ER2041");
        warning.Location.Column.Should().Be(Column(4));
    }

    [Test]
    public void Compile_CoalesceOnAFieldThatIsNeverMissing_IsWarningER2041()
    {
        _fixture.Compile("vehicle.modelYear ?? 0", null).Should().NotBeNull();
        _fixture.Diagnostics.Items.Should().ContainSingle(d => d.Code == "ER2041" && d.Severity == DiagnosticSeverity.Warning);
    }

    [TestCase("daysUntill(vehicle.registeredOn) > 0", 0, "Did you mean 'daysUntil'?")]
    [TestCase("default(customer.loyaltyPoints, 0) > 1", 0, "x.field ?? value")]
    [TestCase("vehicle.vin.toLower() == 'x'", 12, "calls a method")]
    public void Compile_UnknownFunction_IsER2050(string text, int offset, string messagePart) =>
        ShouldFail(text, "ER2050", offset, messagePart, typeof(bool));

    [TestCase("daysUntil() > 1", "takes 1 argument, not 0: daysUntil(date)")]
    [TestCase("today(vehicle.registeredOn) > vehicle.registeredOn", "takes 0 arguments")]
    [TestCase("has(customer.email, 1)", "has takes 1 argument")]
    public void Compile_WrongArgumentCount_IsER2051(string text, string messagePart) =>
        ShouldFail(text, "ER2051", 0, messagePart, typeof(bool));

    [TestCase("daysUntil('2026-01-01') > 1", 10, "Argument 1 of daysUntil is a text")]
    [TestCase("startsWith(customer.firstName, 3)", 31, "Argument 2 of startsWith")]
    [TestCase("abs('x') > 1", 4, "Argument 1 of abs")]
    public void Compile_WrongArgumentType_IsER2052(string text, int offset, string messagePart) =>
        ShouldFail(text, "ER2052", offset, messagePart, typeof(bool));

    [Test]
    public void Compile_SeveralIndependentErrors_AreAllReported()
    {
        _fixture.Compile("custmer.isOwned and vehicle.modelyear > 1", typeof(bool)).Should().BeNull();
        _fixture.Diagnostics.Items.Select(d => d.Code).Should().Equal("ER2020", "ER2021");
    }

    [Test]
    public void Compile_DefectOfTheCompiler_IsER2099InsteadOfAnException()
    {
        // An open generic declaration type is not something the loader produces; it makes the tree builder
        // throw, which must surface as a diagnostic rather than crash the host.
        var declarations = new System.Collections.Generic.Dictionary<string, Engagement.Rules.Engine.Model.Declaration>
        {
            ["broken"] = new("broken", typeof(System.Collections.Generic.List<>)),
        };
        var scope = new Engagement.Rules.Yaml.Expressions.ExpressionScope(
            declarations,
            new Engagement.Rules.Engine.Model.Declaration("$context", typeof(Engagement.Rules.Evaluation.EvaluationContext)),
            "test-rule");
        var bag = new DiagnosticBag();

        var compiled = new Engagement.Rules.Yaml.Expressions.ExpressionCompiler().Compile("broken", Engagement.Rules.Yaml.Syntax.ScalarPositions.At(ExpressionFixture.Origin), scope, null, bag);

        compiled.Should().BeNull();
        var error = bag.Items.Should().ContainSingle().Subject;
        error.Code.Should().Be("ER2099");
        error.Message.Should().Contain("internal error");
    }
}
