FROM alpine:3.20
RUN apk add --no-cache curl \

    jq
ENV PATH
FETCH https://example.com/file /tmp/file
COPY <<EOT /etc/motd
Welcome
