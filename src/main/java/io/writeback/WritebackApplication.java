package io.writeback;

import io.writeback.cli.WritebackCli;
import io.writeback.sync.ValidateCommand;
import java.io.PrintWriter;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WritebackApplication {

    /** Starts the server, unless {@code args} ask for the command line ({@code writeback --help}) or {@code --validate}. */
    public static void main(String[] args) {
        if (Arrays.asList(args).contains(ValidateCommand.FLAG)) {
            System.exit(ValidateCommand.run(args));
        }
        if (WritebackCli.wanted(args)) {
            System.exit(WritebackCli.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
        }
        SpringApplication.run(WritebackApplication.class, args);
    }
}
