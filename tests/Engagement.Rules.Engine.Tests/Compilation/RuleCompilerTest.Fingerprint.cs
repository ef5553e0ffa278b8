using System;
using System.Linq;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Tests.Sessions;

namespace Engagement.Rules.Engine.Tests.Compilation;

/// <summary>The fingerprint a compiled rule set carries: the one given, checked, or none.</summary>
public sealed partial class RuleCompilerTest
{
    private static RuleDefinition[] FingerprintRules() =>
    [
        new RuleDefinition("r", new AndElement([new PatternElement(new Declaration("c", typeof(Customer)))]), [Noop()]),
    ];

    [Test]
    public void Compile_WithoutFingerprint_HasNone()
    {
        RuleCompiler.Compile(FingerprintRules()).Fingerprint.Should().BeNull("the engine cannot see what a C# rule's expressions call or capture");
        RuleCompiler.Compile(FingerprintRules(), null).Fingerprint.Should().BeNull();
    }

    [Test]
    public void Compile_WithFingerprint_CarriesIt()
    {
        var longest = new string('f', RuleCompiler.MaxFingerprintLength);

        RuleCompiler.Compile(FingerprintRules(), "my-rules/3.2.1+9f3c").Fingerprint.Should().Be("my-rules/3.2.1+9f3c");
        RuleCompiler.Compile(FingerprintRules(), longest).Fingerprint.Should().Be(longest);
    }

    [TestCase("", "0 characters")]
    [TestCase("two words", "U+0020 at index 3")]
    [TestCase("line\nbreak", "U+000A at index 4")]
    [TestCase("caf\u00e9", "U+00E9 at index 3")]
    public void Compile_InvalidFingerprint_ThrowsNamingTheProblem(string value, string problem)
    {
        var act = () => RuleCompiler.Compile(FingerprintRules(), value);

        act.Should().Throw<ArgumentException>().WithParameterName("fingerprint").Which.Message.Should().Contain(problem);
    }

    [Test]
    public void Compile_FingerprintTooLong_Throws()
    {
        var act = () => RuleCompiler.Compile(FingerprintRules(), new string('f', RuleCompiler.MaxFingerprintLength + 1));

        act.Should().Throw<ArgumentException>().WithParameterName("fingerprint")
            .Which.Message.Should().Contain($"{RuleCompiler.MaxFingerprintLength + 1} characters");
    }

    [Test]
    public void Compile_WithFingerprint_CompilesTheSameRules()
    {
        var rules = FingerprintRules();

        RuleCompiler.Compile(rules, "v1").Rules.Select(r => r.Id).Should().Equal(rules.Select(r => r.Id));
    }
}
