package io.cutover.source;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.camel.Variable;

/** The steps of routes/legacy-api.yaml, each on the call in the exchange's {@code legacyApiCall} variable. */
@Singleton
@Named("legacyApiCalls")
public class LegacyApiCalls {

    public boolean unanswered(@Variable(LegacyApiCall.VARIABLE) LegacyApiCall call) {
        return !call.answered();
    }

    public void nextAttempt(@Variable(LegacyApiCall.VARIABLE) LegacyApiCall call) {
        call.nextAttempt();
    }

    public long waitMillis(@Variable(LegacyApiCall.VARIABLE) LegacyApiCall call) {
        return call.waitMillis();
    }

    public void request(@Variable(LegacyApiCall.VARIABLE) LegacyApiCall call, Message message) throws Exception {
        call.request(message);
    }

    public void judge(@Variable(LegacyApiCall.VARIABLE) LegacyApiCall call, Message answer) throws Exception {
        call.judge(answer);
    }

    public void unansweredAttempt(@Variable(LegacyApiCall.VARIABLE) LegacyApiCall call,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        call.unanswered(failure);
    }
}
