package org.phyle.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.phyle.core.proposals.Method;
import org.phyle.core.governance.Tally;
import org.phyle.core.governance.TallyResult;
import org.phyle.node.loadgen.TallyBenchmark;

/** Counting a closed vote of one million ballots, per method, over ten options (the target: under 2 s). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx4g")
public class TallyBench {
    @Param({"QUADRATIC", "RANKED", "APPROVAL", "YES_NO"})
    public String method;

    @Param({"1000000"})
    public int ballots;

    Tally.Rules rules;
    List<Tally.Weighted> weighted;

    @Setup(Level.Trial)
    public void setUp() {
        Method m = Method.valueOf(method);
        rules = TallyBenchmark.rules(m, ballots, 10);
        weighted = TallyBenchmark.ballots(m, ballots, 10, 2027, n -> { });
    }

    @Benchmark
    public TallyResult count() {
        return Tally.count(rules, weighted, 0, 0);
    }
}
