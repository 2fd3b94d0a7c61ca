package com.thewans.catalog.asset;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

class AssetNotFound extends WansException {

    AssetNotFound(UUID assetId) {
        super(HttpStatus.NOT_FOUND, "asset-not-found", "The film has no asset " + assetId);
        with("assetId", assetId);
    }
}
