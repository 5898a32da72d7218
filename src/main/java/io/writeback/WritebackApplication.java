package io.writeback;

import io.writeback.sync.ValidateCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WritebackApplication {

    public static void main(String[] args) {
        if (Arrays.asList(args).contains(ValidateCommand.FLAG)) {
            System.exit(ValidateCommand.run(args));
        }
        SpringApplication.run(WritebackApplication.class, args);
    }
}
