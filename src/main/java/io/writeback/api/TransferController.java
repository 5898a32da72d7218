package io.writeback.api;

import io.writeback.sync.InvalidSyncFilesException;
import io.writeback.transfer.ConfigurationTransfer;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The whole configuration out (operators) and in (admins; a dry run unless {@code ?apply=true}). */
@RestController
@RequestMapping("/api")
class TransferController {

    private final ConfigurationTransfer transfer;

    TransferController(ConfigurationTransfer transfer) {
        this.transfer = transfer;
    }

    @GetMapping("/export")
    ConfigurationTransfer.Document export() {
        return transfer.export();
    }

    @PostMapping("/import")
    ConfigurationTransfer.Report importing(@RequestBody ConfigurationTransfer.Document document,
            @RequestParam(defaultValue = "false") boolean apply, Principal admin) {
        try {
            return transfer.importing(document, apply, admin.getName());
        } catch (InvalidSyncFilesException | IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
